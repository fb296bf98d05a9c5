package org.relais.analytics.algo.betweenness;

import java.util.Arrays;

import org.relais.analytics.graph.CompactGraph;

/**
 * An upper bound, computed in {@code O(n + m)}, on the vertex diameter of a directed graph: the
 * largest number of vertices on a shortest path. Riondato and Kornaropoulos' sample size grows with
 * its logarithm, and their guarantee needs a true upper bound. For undirected graphs they use twice
 * the eccentricity of any vertex; that argument fails for directed graphs, so this class uses the
 * strongly connected components instead.
 *
 * <h2>Why it is an upper bound</h2>
 * A shortest path crosses the strongly connected components (SCCs) in the order of the condensation
 * DAG and never returns to one it left. The part of the path inside one SCC {@code C} is a shortest
 * path of {@code G} that stays in {@code C}, hence a shortest path of the subgraph {@code G[C]}:
 * <ul>
 *   <li>counting hops, it has at most {@code diam(G[C]) + 1} vertices, and for any root {@code r} of
 *       {@code C}, {@code d(u, v) <= d(u, r) + d(r, v)} gives
 *       {@code diam(G[C]) <= ecc_in(r) + ecc_out(r)}, two BFS inside {@code C};</li>
 *   <li>with real lengths, it is a simple path: at most {@code |C|} vertices.</li>
 * </ul>
 * Weighting each SCC by its bound (capped at {@code |C|}), the heaviest path of the condensation DAG
 * bounds the vertex diameter. On graphs with one giant SCC this is about the giant SCC's
 * {@code ecc_in + ecc_out} plus the depth of the tendrils around it: a small multiple of the
 * true value, and the sample size depends only on its logarithm.
 *
 * <h2>Cost</h2>
 * Tarjan's algorithm (iterative), two BFS per SCC restricted to it, and one pass over the edges for
 * the DAG: {@code O(n + m)} time on one thread (about a second for 10M edges), and at most
 * {@code 48n} bytes of temporary arrays (eight {@code int} arrays, two {@code long} arrays per
 * component).
 */
final class VertexDiameterBound {

    private VertexDiameterBound() {
    }

    /**
     * @param hops true when path length counts edges; false for real lengths (only simple-path bounds hold)
     * @return the bound, at least 1 for a non-empty graph and at most {@code n}
     */
    static long compute(CompactGraph graph, boolean hops) {
        final int n = graph.vertexCount();
        if (n == 0) {
            return 0;
        }
        final int[] outOffsets = graph.outOffsets();
        final int[] outTargets = graph.outTargets();
        final int[] inOffsets = graph.inOffsets();
        final int[] inSources = graph.inSources();

        // Tarjan, iterative. Components come out in reverse topological order: an edge between two
        // components always goes from a higher component number to a lower one.
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        int[] nextEdge = new int[n];
        int[] stack = new int[n];
        int[] calls = new int[n];
        Arrays.fill(index, -1);
        Arrays.fill(component, -1);
        int counter = 0;
        int components = 0;
        int[] root = new int[n];
        int[] size = new int[n];
        for (int start = 0; start < n; start++) {
            if (index[start] >= 0) {
                continue;
            }
            int sp = 0;
            int cp = 0;
            index[start] = low[start] = counter++;
            stack[sp++] = start;
            calls[cp++] = start;
            nextEdge[start] = outOffsets[start];
            while (cp > 0) {
                int v = calls[cp - 1];
                if (nextEdge[v] < outOffsets[v + 1]) {
                    int w = outTargets[nextEdge[v]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        calls[cp++] = w;
                        nextEdge[w] = outOffsets[w];
                    } else if (component[w] < 0) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    cp--;
                    if (low[v] == index[v]) {
                        int w;
                        int count = 0;
                        do {
                            w = stack[--sp];
                            component[w] = components;
                            count++;
                        } while (w != v);
                        root[components] = v;
                        size[components] = count;
                        components++;
                    }
                    if (cp > 0) {
                        int u = calls[cp - 1];
                        low[u] = Math.min(low[u], low[v]);
                    }
                }
            }
        }
        nextEdge = null;
        low = null;

        // Vertices an SCC may contribute to a shortest path.
        long[] weight = new long[components];
        int[] dist = index; // reused: -1 = not reached
        Arrays.fill(dist, -1);
        int[] queue = stack;
        for (int c = 0; c < components; c++) {
            if (size[c] == 1 || !hops) {
                weight[c] = size[c];
                continue;
            }
            int eccOut = eccentricityWithin(root[c], c, component, outOffsets, outTargets, dist, queue);
            int eccIn = eccentricityWithin(root[c], c, component, inOffsets, inSources, dist, queue);
            weight[c] = Math.min(size[c], (long) eccOut + eccIn + 1);
        }

        // Heaviest path in the condensation DAG, sinks first (increasing component number).
        int[] byComponentStart = new int[components + 1];
        for (int v = 0; v < n; v++) {
            byComponentStart[component[v] + 1]++;
        }
        for (int c = 0; c < components; c++) {
            byComponentStart[c + 1] += byComponentStart[c];
        }
        int[] members = calls;
        int[] cursor = Arrays.copyOf(byComponentStart, components);
        for (int v = 0; v < n; v++) {
            members[cursor[component[v]]++] = v;
        }
        long[] heaviest = new long[components];
        long bound = 0;
        for (int c = 0; c < components; c++) {
            long best = 0;
            for (int i = byComponentStart[c]; i < byComponentStart[c + 1]; i++) {
                int v = members[i];
                for (int e = outOffsets[v]; e < outOffsets[v + 1]; e++) {
                    int d = component[outTargets[e]];
                    if (d != c) {
                        best = Math.max(best, heaviest[d]);
                    }
                }
            }
            heaviest[c] = weight[c] + best;
            bound = Math.max(bound, heaviest[c]);
        }
        return Math.min(bound, n);
    }

    /** The eccentricity of {@code root} inside component {@code c} along the given adjacency; leaves {@code dist} all -1. */
    private static int eccentricityWithin(int root, int c, int[] component, int[] offsets, int[] neighbours,
                                          int[] dist, int[] queue) {
        int head = 0;
        int tail = 0;
        dist[root] = 0;
        queue[tail++] = root;
        int eccentricity = 0;
        while (head < tail) {
            int v = queue[head++];
            int dv = dist[v];
            eccentricity = dv;
            for (int e = offsets[v]; e < offsets[v + 1]; e++) {
                int w = neighbours[e];
                if (dist[w] < 0 && component[w] == c) {
                    dist[w] = dv + 1;
                    queue[tail++] = w;
                }
            }
        }
        for (int i = 0; i < tail; i++) {
            dist[queue[i]] = -1;
        }
        return eccentricity;
    }
}
