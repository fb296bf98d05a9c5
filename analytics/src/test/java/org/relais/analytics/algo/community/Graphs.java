package org.relais.analytics.algo.community;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.relais.analytics.graph.CompactGraph;

/** Small graphs with known communities, and checks on partitions, for the community tests. */
final class Graphs {

    private Graphs() {
    }

    /** Collects edges, then builds a {@link CompactGraph}; each undirected edge is added in one direction. */
    static final class Edges {
        private final List<int[]> pairs = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Edges add(int u, int v) {
            return add(u, v, 1.0);
        }

        Edges add(int u, int v, double w) {
            pairs.add(new int[] {u, v});
            weights.add(w);
            return this;
        }

        /** A clique on {@code first .. first+size-1}. */
        Edges clique(int first, int size) {
            for (int i = first; i < first + size; i++) {
                for (int j = i + 1; j < first + size; j++) {
                    add(i, j);
                }
            }
            return this;
        }

        CompactGraph build(int n) {
            int m = pairs.size();
            int[] src = new int[m];
            int[] dst = new int[m];
            double[] w = new double[m];
            for (int i = 0; i < m; i++) {
                src[i] = pairs.get(i)[0];
                dst[i] = pairs.get(i)[1];
                w[i] = weights.get(i);
            }
            return CompactGraph.builder(n).build(src, dst, w, m);
        }
    }

    /** Two cliques of {@code size} vertices, {@code 0..size-1} and {@code size..2size-1}, and the edge {@code size-1 — size}. */
    static CompactGraph twoCliquesWithBridge(int size) {
        return new Edges().clique(0, size).clique(size, size).add(size - 1, size).build(2 * size);
    }

    /** {@code k} cliques of {@code size} vertices in a ring, clique {@code i}'s last vertex linked to clique {@code i+1}'s first. */
    static CompactGraph ringOfCliques(int k, int size) {
        Edges e = new Edges();
        for (int i = 0; i < k; i++) {
            e.clique(i * size, size);
            e.add(i * size + size - 1, ((i + 1) % k) * size);
        }
        return e.build(k * size);
    }

    /**
     * A planted partition: {@code groups} groups of {@code size} vertices, each directed pair linked with
     * probability {@code pIn} inside a group and {@code pOut} across, with weights 1 or 2.
     */
    static CompactGraph planted(int groups, int size, double pIn, double pOut, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Edges e = new Edges();
        int n = groups * size;
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                if (u != v && random.nextDouble() < (u / size == v / size ? pIn : pOut)) {
                    e.add(u, v, 1 + random.nextInt(2));
                }
            }
        }
        return e.build(n);
    }

    /** Whether every community of the partition induces a connected subgraph. */
    static boolean communitiesConnected(UndirectedGraph g, Partition p) {
        int n = g.vertexCount();
        boolean[] seen = new boolean[n];
        boolean[] communityStarted = new boolean[p.communityCount()];
        for (int s = 0; s < n; s++) {
            if (seen[s]) {
                continue;
            }
            int c = p.community(s);
            if (communityStarted[c]) {
                return false; // a second piece of a community already explored
            }
            communityStarted[c] = true;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(s);
            seen[s] = true;
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int e = g.offsets()[v]; e < g.offsets()[v + 1]; e++) {
                    int u = g.neighbours()[e];
                    if (!seen[u] && p.community(u) == c) {
                        seen[u] = true;
                        queue.add(u);
                    }
                }
            }
        }
        return true;
    }

    /** Modularity straight from its definition, {@code (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j)}, in O(n²). */
    static double bruteForceModularity(UndirectedGraph g, int[] labels, double gamma) {
        int n = g.vertexCount();
        double twoM = 2 * g.totalWeight();
        double[][] a = new double[n][n];
        for (int v = 0; v < n; v++) {
            for (int e = g.offsets()[v]; e < g.offsets()[v + 1]; e++) {
                a[v][g.neighbours()[e]] = g.weights()[e];
            }
        }
        double q = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (labels[i] == labels[j]) {
                    q += a[i][j] - gamma * g.strength(i) * g.strength(j) / twoM;
                }
            }
        }
        return q / twoM;
    }

    /** The vertices of the largest connected component, ascending (ties: the one with the smallest vertex). */
    static int[] largestComponent(UndirectedGraph g) {
        int n = g.vertexCount();
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int best = -1;
        int bestSize = 0;
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (component[s] >= 0) {
                continue;
            }
            int size = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(s);
            component[s] = count;
            while (!queue.isEmpty()) {
                int v = queue.poll();
                size++;
                for (int e = g.offsets()[v]; e < g.offsets()[v + 1]; e++) {
                    int u = g.neighbours()[e];
                    if (component[u] < 0) {
                        component[u] = count;
                        queue.add(u);
                    }
                }
            }
            if (size > bestSize) {
                best = count;
                bestSize = size;
            }
            count++;
        }
        final int largest = best;
        return java.util.stream.IntStream.range(0, n).filter(v -> component[v] == largest).toArray();
    }
}
