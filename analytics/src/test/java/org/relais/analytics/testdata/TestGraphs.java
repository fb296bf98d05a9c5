package org.relais.analytics.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.relais.analytics.graph.CompactGraph;

/** Graphs with closed-form centralities, and seeded random graphs, for the algorithm tests. */
public final class TestGraphs {

    private TestGraphs() {
    }

    /** Builds a graph from {@code {source, target}} pairs, unweighted. */
    public static CompactGraph of(int n, List<int[]> edges) {
        int[] src = new int[edges.size()];
        int[] dst = new int[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            src[i] = edges.get(i)[0];
            dst[i] = edges.get(i)[1];
        }
        return CompactGraph.builder(n).build(src, dst, null, src.length);
    }

    /** Builds a graph from {@code {source, target}} pairs with the given weights. */
    public static CompactGraph weighted(int n, int[][] edges, double[] weights) {
        int[] src = new int[edges.length];
        int[] dst = new int[edges.length];
        for (int i = 0; i < edges.length; i++) {
            src[i] = edges[i][0];
            dst[i] = edges[i][1];
        }
        return CompactGraph.builder(n).build(src, dst, weights, src.length);
    }

    /** 0 -> 1 -> ... -> n-1 -> 0. */
    public static CompactGraph directedCycle(int n) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            edges.add(new int[] {i, (i + 1) % n});
        }
        return of(n, edges);
    }

    /** 0 -> 1 -> ... -> n-1. */
    public static CompactGraph directedPath(int n) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            edges.add(new int[] {i, i + 1});
        }
        return of(n, edges);
    }

    /** Leaves 1..k -> centre 0. */
    public static CompactGraph inStar(int leaves) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 1; i <= leaves; i++) {
            edges.add(new int[] {i, 0});
        }
        return of(leaves + 1, edges);
    }

    /** Centre 0 -> leaves 1..k. */
    public static CompactGraph outStar(int leaves) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 1; i <= leaves; i++) {
            edges.add(new int[] {0, i});
        }
        return of(leaves + 1, edges);
    }

    /** Centre 0 <-> leaves 1..k, both directions. */
    public static CompactGraph twoWayStar(int leaves) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 1; i <= leaves; i++) {
            edges.add(new int[] {0, i});
            edges.add(new int[] {i, 0});
        }
        return of(leaves + 1, edges);
    }

    /** Every ordered pair of distinct vertices. */
    public static CompactGraph completeDigraph(int n) {
        List<int[]> edges = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                if (u != v) {
                    edges.add(new int[] {u, v});
                }
            }
        }
        return of(n, edges);
    }

    /**
     * Two complete digraphs on {@code 0..k-1} and {@code k..2k-1}, joined by the bridge
     * {@code 0 <-> k} (both directions).
     */
    public static CompactGraph twoCliquesWithBridge(int k) {
        List<int[]> edges = new ArrayList<>();
        for (int offset : new int[] {0, k}) {
            for (int u = 0; u < k; u++) {
                for (int v = 0; v < k; v++) {
                    if (u != v) {
                        edges.add(new int[] {offset + u, offset + v});
                    }
                }
            }
        }
        edges.add(new int[] {0, k});
        edges.add(new int[] {k, 0});
        return of(2 * k, edges);
    }

    /** A seeded graph with skewed in-degrees and small integer weights (as {@code PageRankTest}'s). */
    public static CompactGraph random(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            src[i] = random.nextInt(n);
            dst[i] = (int) (n * Math.pow(random.nextDouble(), 3)); // low ids are hubs
            w[i] = 1 + random.nextInt(4);
        }
        return CompactGraph.builder(n).build(src, dst, w, m);
    }

    /** The same distinct edges as {@code g}, every weight 1. */
    public static CompactGraph unweighted(CompactGraph g) {
        int m = g.edgeCount();
        int[] src = new int[m];
        for (int u = 0; u < g.vertexCount(); u++) {
            for (int e = g.outOffsets()[u]; e < g.outOffsets()[u + 1]; e++) {
                src[e] = u;
            }
        }
        return CompactGraph.builder(g.vertexCount()).build(src, g.outTargets(), null, m);
    }
}
