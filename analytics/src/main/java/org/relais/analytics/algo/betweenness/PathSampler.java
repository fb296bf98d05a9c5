package org.relais.analytics.algo.betweenness;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.graph.EdgeWeights;

/**
 * One thread's state for sampled betweenness: draws one shortest path from {@code s} to {@code t}
 * uniformly among all shortest paths, and counts, per vertex, the sampled paths that pass through it
 * (endpoints excluded). The arrays are allocated once and reset after each sample in time
 * proportional to what the sample touched.
 *
 * <h2>Hop distances: balanced bidirectional BFS</h2>
 * A BFS grows from {@code s} along out-edges and another from {@code t} along in-edges, each step
 * expanding whole layer of the side whose frontier has fewer edges to scan (as in Borassi and
 * Natale's KADABRA). While the two visited sets are disjoint, {@code d(s,t)} exceeds the sum of their
 * depths, so the first expansion that reaches the other side finds every shortest path: each crosses
 * one edge {@code x -> y} from the forward frontier to the backward frontier, and there are
 * {@code sigma_s(x) * sigma_t(y)} of them through it. The sampler picks such an edge with that
 * weight, then walks back to {@code s} choosing each predecessor {@code p} of {@code z} with
 * probability {@code sigma_s(p) / sigma_s(z)}, and on to {@code t} likewise: every shortest path
 * has the same probability {@code 1 / sigma_st}. On skewed graphs the two searches meet after
 * scanning a small part of the graph.
 *
 * <h2>Real lengths: Dijkstra stopped at t</h2>
 * With edge lengths {@code 1/w}, a Dijkstra search from {@code s} stops once {@code t} is settled
 * (every predecessor on a shortest path is then settled with its final path count) and walks back
 * from {@code t} the same way. Ties are exact {@code double} equalities, as in networkx.
 *
 * <p>Memory: {@code 36n} bytes for hop distances, {@code 32n} for real lengths.
 */
final class PathSampler {

    private final int[] outOffsets;
    private final int[] outTargets;
    private final EdgeWeights outWeights;
    private final int[] inOffsets;
    private final int[] inSources;
    private final EdgeWeights inWeights;

    /** Per vertex, how many sampled paths had it as an inner vertex. */
    final int[] hits;

    // Bidirectional BFS (hops); -1 = not reached.
    private final int[] forwardDist;
    private final int[] backwardDist;
    private final double[] forwardSigma;
    private final double[] backwardSigma;
    private final int[] forwardQueue;
    private final int[] backwardQueue;

    // Dijkstra (real lengths); +inf = not reached.
    private final double[] length;
    private final double[] sigma;
    private final int[] touched;
    private final IndexedMinHeap heap;

    PathSampler(CompactGraph graph, boolean realLengths) {
        int n = graph.vertexCount();
        outOffsets = graph.outOffsets();
        outTargets = graph.outTargets();
        outWeights = graph.outWeights();
        inOffsets = graph.inOffsets();
        inSources = graph.inSources();
        inWeights = graph.inWeights();
        hits = new int[n];
        if (realLengths) {
            forwardDist = backwardDist = forwardQueue = backwardQueue = null;
            forwardSigma = backwardSigma = null;
            length = new double[n];
            Arrays.fill(length, Double.POSITIVE_INFINITY);
            sigma = new double[n];
            touched = new int[n];
            heap = new IndexedMinHeap(n, length);
        } else {
            forwardDist = new int[n];
            backwardDist = new int[n];
            Arrays.fill(forwardDist, -1);
            Arrays.fill(backwardDist, -1);
            forwardSigma = new double[n];
            backwardSigma = new double[n];
            forwardQueue = new int[n];
            backwardQueue = new int[n];
            length = sigma = null;
            touched = null;
            heap = null;
        }
    }

    /** Samples one shortest path from {@code s} to {@code t != s}, if there is one, and counts its inner vertices. */
    void sample(int s, int t, SplittableRandom random) {
        if (forwardDist != null) {
            sampleHops(s, t, random);
        } else {
            sampleLengths(s, t, random);
        }
    }

    private void sampleHops(int s, int t, SplittableRandom random) {
        final int[] fDist = forwardDist;
        final int[] bDist = backwardDist;
        final double[] fSigma = forwardSigma;
        final double[] bSigma = backwardSigma;
        final int[] fQueue = forwardQueue;
        final int[] bQueue = backwardQueue;
        fDist[s] = 0;
        fSigma[s] = 1;
        fQueue[0] = s;
        bDist[t] = 0;
        bSigma[t] = 1;
        bQueue[0] = t;
        // Each side's frontier is the queue range [start, end); count = entries written (for the reset).
        int fStart = 0;
        int fEnd = 1;
        int fCount = 1;
        int bStart = 0;
        int bEnd = 1;
        int bCount = 1;
        long fWork = outOffsets[s + 1] - outOffsets[s];
        long bWork = inOffsets[t + 1] - inOffsets[t];
        try {
            while (fStart < fEnd && bStart < bEnd) {
                if (fWork <= bWork) {
                    int next = fDist[fQueue[fStart]] + 1;
                    double total = 0;
                    long work = 0;
                    for (int i = fStart; i < fEnd; i++) {
                        int x = fQueue[i];
                        double sx = fSigma[x];
                        for (int e = outOffsets[x], end = outOffsets[x + 1]; e < end; e++) {
                            int y = outTargets[e];
                            if (bDist[y] >= 0) {
                                total += sx * bSigma[y];
                            } else {
                                int dy = fDist[y];
                                if (dy < 0) {
                                    fDist[y] = next;
                                    fSigma[y] = sx;
                                    fQueue[fCount++] = y;
                                    work += outOffsets[y + 1] - outOffsets[y];
                                } else if (dy == next) {
                                    fSigma[y] += sx;
                                }
                            }
                        }
                    }
                    if (total > 0) {
                        pickForwardCrossing(fStart, fEnd, total, random);
                        return;
                    }
                    fStart = fEnd;
                    fEnd = fCount;
                    fWork = work;
                } else {
                    int next = bDist[bQueue[bStart]] + 1;
                    double total = 0;
                    long work = 0;
                    for (int i = bStart; i < bEnd; i++) {
                        int y = bQueue[i];
                        double sy = bSigma[y];
                        for (int e = inOffsets[y], end = inOffsets[y + 1]; e < end; e++) {
                            int x = inSources[e];
                            if (fDist[x] >= 0) {
                                total += fSigma[x] * sy;
                            } else {
                                int dx = bDist[x];
                                if (dx < 0) {
                                    bDist[x] = next;
                                    bSigma[x] = sy;
                                    bQueue[bCount++] = x;
                                    work += inOffsets[x + 1] - inOffsets[x];
                                } else if (dx == next) {
                                    bSigma[x] += sy;
                                }
                            }
                        }
                    }
                    if (total > 0) {
                        pickBackwardCrossing(bStart, bEnd, total, random);
                        return;
                    }
                    bStart = bEnd;
                    bEnd = bCount;
                    bWork = work;
                }
            }
            // A frontier ran empty: t cannot be reached from s, and the sample counts for nobody.
        } finally {
            for (int i = 0; i < fCount; i++) {
                fDist[fQueue[i]] = -1;
            }
            for (int i = 0; i < bCount; i++) {
                bDist[bQueue[i]] = -1;
            }
        }
    }

    /** Picks a crossing edge x -> y out of the forward frontier, weighted by sigma_s(x) sigma_t(y). */
    private void pickForwardCrossing(int fStart, int fEnd, double total, SplittableRandom random) {
        double target = random.nextDouble() * total;
        double cumulative = 0;
        int x = -1;
        int y = -1;
        search:
        for (int i = fStart; i < fEnd; i++) {
            int a = forwardQueue[i];
            double sa = forwardSigma[a];
            for (int e = outOffsets[a], end = outOffsets[a + 1]; e < end; e++) {
                int b = outTargets[e];
                if (backwardDist[b] >= 0) {
                    x = a;
                    y = b;
                    cumulative += sa * backwardSigma[b];
                    if (cumulative > target) {
                        break search;
                    }
                }
            }
        }
        walk(x, y, random);
    }

    /** Picks a crossing edge x -> y into the backward frontier, weighted by sigma_s(x) sigma_t(y). */
    private void pickBackwardCrossing(int bStart, int bEnd, double total, SplittableRandom random) {
        double target = random.nextDouble() * total;
        double cumulative = 0;
        int x = -1;
        int y = -1;
        search:
        for (int i = bStart; i < bEnd; i++) {
            int b = backwardQueue[i];
            double sb = backwardSigma[b];
            for (int e = inOffsets[b], end = inOffsets[b + 1]; e < end; e++) {
                int a = inSources[e];
                if (forwardDist[a] >= 0) {
                    x = a;
                    y = b;
                    cumulative += forwardSigma[a] * sb;
                    if (cumulative > target) {
                        break search;
                    }
                }
            }
        }
        walk(x, y, random);
    }

    /**
     * Counts the path s ~> x -> y ~> t: back from x to s through random predecessors, on from y to t
     * through random successors, each chosen in proportion to its path count. The endpoints s
     * (forward distance 0) and t (backward distance 0) are not counted.
     */
    private void walk(int x, int y, SplittableRandom random) {
        int z = x;
        while (forwardDist[z] > 0) {
            hits[z]++;
            int previous = forwardDist[z] - 1;
            double target = random.nextDouble() * forwardSigma[z];
            double cumulative = 0;
            int chosen = -1;
            for (int e = inOffsets[z], end = inOffsets[z + 1]; e < end; e++) {
                int p = inSources[e];
                if (forwardDist[p] == previous) {
                    chosen = p;
                    cumulative += forwardSigma[p];
                    if (cumulative > target) {
                        break;
                    }
                }
            }
            z = chosen;
        }
        z = y;
        while (backwardDist[z] > 0) {
            hits[z]++;
            int previous = backwardDist[z] - 1;
            double target = random.nextDouble() * backwardSigma[z];
            double cumulative = 0;
            int chosen = -1;
            for (int e = outOffsets[z], end = outOffsets[z + 1]; e < end; e++) {
                int q = outTargets[e];
                if (backwardDist[q] == previous) {
                    chosen = q;
                    cumulative += backwardSigma[q];
                    if (cumulative > target) {
                        break;
                    }
                }
            }
            z = chosen;
        }
    }

    private void sampleLengths(int s, int t, SplittableRandom random) {
        final int[] offsets = outOffsets;
        final int[] targets = outTargets;
        final EdgeWeights weights = outWeights;
        final double[] dist = length;
        final double[] sig = sigma;
        final IndexedMinHeap queue = heap;
        int count = 0;
        dist[s] = 0;
        sig[s] = 1;
        touched[count++] = s;
        queue.insert(s);
        boolean reached = false;
        try {
            while (!queue.isEmpty()) {
                int v = queue.pollMin();
                if (v == t) {
                    reached = true;
                    break;
                }
                double dv = dist[v];
                double sv = sig[v];
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                    int w = targets[e];
                    double candidate = dv + 1.0 / weights.get(e);
                    double dw = dist[w];
                    if (dw == Double.POSITIVE_INFINITY) {
                        dist[w] = candidate;
                        sig[w] = sv;
                        touched[count++] = w;
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
            if (reached) {
                // Predecessors on a shortest path are settled, with final counts; unsettled vertices
                // have tentative distances >= d(s,t), so they never pass the equality test.
                int z = t;
                while (true) {
                    double target = random.nextDouble() * sig[z];
                    double cumulative = 0;
                    int chosen = -1;
                    double dz = dist[z];
                    for (int e = inOffsets[z], end = inOffsets[z + 1]; e < end; e++) {
                        int p = inSources[e];
                        if (dist[p] + 1.0 / inWeights.get(e) == dz) {
                            chosen = p;
                            cumulative += sig[p];
                            if (cumulative > target) {
                                break;
                            }
                        }
                    }
                    z = chosen;
                    if (z == s) {
                        break;
                    }
                    hits[z]++;
                }
            }
        } finally {
            queue.clear();
            for (int i = 0; i < count; i++) {
                dist[touched[i]] = Double.POSITIVE_INFINITY;
            }
        }
    }
}
