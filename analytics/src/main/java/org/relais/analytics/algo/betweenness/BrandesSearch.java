package org.relais.analytics.algo.betweenness;

import java.util.Arrays;

import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.graph.EdgeWeights;

/**
 * One thread's state for exact betweenness: the arrays of one single-source shortest-path search and
 * dependency accumulation (Brandes), reused for every source the thread runs, and the thread's
 * running sum of dependencies.
 *
 * <p>Dependencies are summed in fixed point ({@code long}, in units of {@code 2^-62} of the
 * normalised scale) rather than in {@code double}: integer addition does not depend on the order,
 * so the totals are the same whichever thread ran which source. A normalised betweenness is at most
 * 1, so the sum stays below {@code 2^62}; rounding each of the {@code n} per-source contributions
 * costs at most {@code n * 2^-63} in normalised units (1e-13 at a million vertices).
 *
 * <p>Memory: {@code 32n} bytes for hop distances ({@code dist}, {@code sigma}, {@code coefficient},
 * {@code order}, {@code sum}), {@code 48n} for real lengths (plus the heap and {@code double} distances).
 */
final class BrandesSearch {

    /** Fixed-point units per normalised betweenness of 1. */
    static final double FIXED_ONE = 0x1p62;

    private final int[] outOffsets;
    private final int[] outTargets;
    private final EdgeWeights outWeights;
    /** Fixed-point units per unit of unnormalised dependency: {@code 2^62 / ((n-1)(n-2))}. */
    private final double unitsPerDependency;

    private final double[] sigma;
    /** {@code (1 + delta(w)) / sigma(w)}, the factor a predecessor multiplies by its own sigma. */
    private final double[] coefficient;
    private final int[] order;
    final long[] sum;

    /** Hop distances (BFS); -1 = not reached. Null when searching with real lengths. */
    private final int[] hops;
    /** Real distances (Dijkstra); +inf = not reached. Null when counting hops. */
    private final double[] length;
    private final IndexedMinHeap heap;

    BrandesSearch(CompactGraph graph, boolean realLengths) {
        int n = graph.vertexCount();
        this.outOffsets = graph.outOffsets();
        this.outTargets = graph.outTargets();
        this.outWeights = graph.outWeights();
        this.unitsPerDependency = FIXED_ONE / ((double) (n - 1) * (n - 2));
        this.sigma = new double[n];
        this.coefficient = new double[n];
        this.order = new int[n];
        this.sum = new long[n];
        if (realLengths) {
            this.hops = null;
            this.length = new double[n];
            Arrays.fill(length, Double.POSITIVE_INFINITY);
            this.heap = new IndexedMinHeap(n, length);
        } else {
            this.hops = new int[n];
            Arrays.fill(hops, -1);
            this.length = null;
            this.heap = null;
        }
    }

    /** Adds the dependencies of every vertex on {@code source} to {@link #sum}. */
    void accumulate(int source) {
        if (hops != null) {
            accumulateHops(source);
        } else {
            accumulateLengths(source);
        }
    }

    private void accumulateHops(int source) {
        final int[] offsets = outOffsets;
        final int[] targets = outTargets;
        final int[] dist = hops;
        final double[] sig = sigma;
        final double[] coef = coefficient;
        final int[] ord = order;
        final long[] total = sum;
        final double units = unitsPerDependency;

        ord[0] = source;
        dist[source] = 0;
        sig[source] = 1;
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int v = ord[head++];
            int next = dist[v] + 1;
            double sv = sig[v];
            for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                int w = targets[e];
                int dw = dist[w];
                if (dw < 0) {
                    dist[w] = next;
                    sig[w] = sv;
                    ord[tail++] = w;
                } else if (dw == next) {
                    sig[w] += sv;
                }
            }
        }
        // Reverse BFS order: every successor's coefficient is known before its predecessors need it.
        for (int i = tail - 1; i >= 0; i--) {
            int v = ord[i];
            int next = dist[v] + 1;
            double s = 0;
            int start = offsets[v];
            int end = offsets[v + 1];
            for (int e = start; e < end; e++) {
                int w = targets[e];
                if (dist[w] == next) {
                    s += coef[w];
                }
            }
            double dependency = sig[v] * s;
            coef[v] = (1 + dependency) / sig[v];
            if (i > 0 && dependency > 0) {
                total[v] += (long) (dependency * units + 0.5);
            }
        }
        for (int i = 0; i < tail; i++) {
            dist[ord[i]] = -1;
        }
    }

    private void accumulateLengths(int source) {
        final int[] offsets = outOffsets;
        final int[] targets = outTargets;
        final EdgeWeights weights = outWeights;
        final double[] dist = length;
        final double[] sig = sigma;
        final double[] coef = coefficient;
        final int[] ord = order;
        final long[] total = sum;
        final double units = unitsPerDependency;
        final IndexedMinHeap queue = heap;

        dist[source] = 0;
        sig[source] = 1;
        queue.insert(source);
        int settled = 0;
        while (!queue.isEmpty()) {
            int v = queue.pollMin();
            ord[settled++] = v;
            double dv = dist[v];
            double sv = sig[v];
            for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                int w = targets[e];
                // The same expression as networkx (distance so far + this edge's length), so that
                // ties between paths of equal length are decided identically.
                double candidate = dv + 1.0 / weights.get(e);
                double dw = dist[w];
                if (dw == Double.POSITIVE_INFINITY) {
                    dist[w] = candidate;
                    sig[w] = sv;
                    queue.insert(w);
                } else if (queue.contains(w)) {
                    if (candidate < dw) {
                        dist[w] = candidate;
                        sig[w] = sv;
                        queue.decreased(w);
                    } else if (candidate == dw) {
                        sig[w] += sv;
                    }
                }
            }
        }
        for (int i = settled - 1; i >= 0; i--) {
            int v = ord[i];
            double dv = dist[v];
            double s = 0;
            int start = offsets[v];
            int end = offsets[v + 1];
            for (int e = start; e < end; e++) {
                int w = targets[e];
                if (dv + 1.0 / weights.get(e) == dist[w]) {
                    s += coef[w];
                }
            }
            double dependency = sig[v] * s;
            coef[v] = (1 + dependency) / sig[v];
            if (i > 0 && dependency > 0) {
                total[v] += (long) (dependency * units + 0.5);
            }
        }
        for (int i = 0; i < settled; i++) {
            dist[ord[i]] = Double.POSITIVE_INFINITY;
        }
    }
}
