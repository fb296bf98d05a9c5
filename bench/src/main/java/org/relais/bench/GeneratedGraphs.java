package org.relais.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.relais.analytics.graph.CompactGraph;

/**
 * Seeded random graphs for the benchmarks, with power-law-like degrees like a reply or retweet
 * graph: a few accounts receive a large share of the edges and a few send many.
 *
 * <p>Vertex {@code i}'s share before shuffling falls off as {@code i^-inSkew} for in-edges and
 * {@code i^-outSkew} for out-edges (sampled by inverse transform), and the ids are then permuted at
 * random so that hubs are scattered, as they are in real data. Weights are small integer counts, 1
 * most often. The system properties {@code bench.inSkew} (default 0.7) and {@code bench.outSkew}
 * (default 0.5) set the skews; 0 gives uniformly random endpoints, the least cache-friendly case.
 */
public final class GeneratedGraphs {

    private GeneratedGraphs() {
    }

    /** Edge records: {@code src[i] -> dst[i]} with weight {@code weight[i]}. */
    public record Records(int vertexCount, int[] src, int[] dst, double[] weight) {

        /** The graph of these records, parallel records summed. */
        public CompactGraph build() {
            return CompactGraph.builder(vertexCount).build(src, dst, weight, src.length);
        }
    }

    /** {@code m} skewed records over {@code n} vertices, the same for the same seed. */
    public static Records skewed(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        // P(index < x) = (x/n)^(1-a) for a share falling off as i^-a.
        double inPower = 1 / (1 - Double.parseDouble(System.getProperty("bench.inSkew", "0.7")));
        double outPower = 1 / (1 - Double.parseDouble(System.getProperty("bench.outSkew", "0.5")));
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] weight = new double[m];
        for (int i = 0; i < m; i++) {
            src[i] = permutation[Math.min(n - 1, (int) (n * Math.pow(random.nextDouble(), outPower)))];
            dst[i] = permutation[Math.min(n - 1, (int) (n * Math.pow(random.nextDouble(), inPower)))];
            // 1 with probability 1/2, 2 with 1/4, ...: exact in float, as interaction counts are.
            weight[i] = 1 + Long.numberOfTrailingZeros(random.nextLong() | (1L << 20));
        }
        return new Records(n, src, dst, weight);
    }

    /** The same distinct edges with every weight 1, so that algorithms take their unweighted path. */
    public static CompactGraph withoutWeights(CompactGraph g) {
        int m = g.edgeCount();
        int[] src = new int[m];
        for (int u = 0; u < g.vertexCount(); u++) {
            Arrays.fill(src, g.outOffsets()[u], g.outOffsets()[u + 1], u);
        }
        return CompactGraph.builder(g.vertexCount()).build(src, g.outTargets(), null, m);
    }

    /** The largest in- and out-degree, for the benchmark headers. */
    public static int[] maxDegrees(CompactGraph g) {
        int maxIn = 0;
        int maxOut = 0;
        for (int v = 0; v < g.vertexCount(); v++) {
            maxIn = Math.max(maxIn, g.inDegree(v));
            maxOut = Math.max(maxOut, g.outDegree(v));
        }
        return new int[] {maxIn, maxOut};
    }
}
