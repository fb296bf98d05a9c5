package org.relais.bench;

import java.util.Arrays;
import java.util.Locale;

import org.relais.analytics.algo.pagerank.PageRank;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.algo.pagerank.PageRankResult;
import org.relais.analytics.graph.CompactGraph;

/**
 * Measures PageRank on the compact graph: a seeded random graph with skewed degrees (1M vertices and
 * 10M edge records by default), a fixed number of iterations, weighted and unweighted, and prints
 * edge-iterations per second and bytes per edge.
 *
 * <pre>
 * mvn -B -o -q -pl bench -am compile
 * java -Xmx6g -cp analytics/target/classes:bench/target/classes org.relais.bench.PageRankBench \
 *     [vertices] [edgeRecords] [iterations] [threads] [seed] [repeats]
 * </pre>
 *
 * Each variant runs once to warm the JIT, then {@code repeats} timed runs; the best and the median
 * are printed. The system properties {@code bench.inSkew} (default 0.7) and {@code bench.outSkew}
 * (default 0.5) set how steeply in- and out-degrees fall off (see {@link GeneratedGraphs}); 0 gives
 * uniformly random endpoints, the least cache-friendly case.
 */
public final class PageRankBench {

    private PageRankBench() {
    }

    public static void main(String[] args) {
        BenchArgs given = new BenchArgs(args);
        int n = given.integer(0, 1_000_000);
        int m = given.integer(1, 10_000_000);
        int iterations = given.integer(2, 20);
        int threads = given.integer(3, 2);
        long seed = given.longInteger(4, 42);
        int repeats = given.integer(5, 5);

        System.out.printf(Locale.ROOT, "PageRank bench: %,d vertices, %,d edge records, %d iterations, %d threads, "
                + "seed %d, %d timed runs; Java %s, %d processors%n", n, m, iterations, threads, seed, repeats,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        GeneratedGraphs.Records records = GeneratedGraphs.skewed(n, m, seed);
        long t1 = System.nanoTime();
        CompactGraph weighted = records.build();
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "generate %.2f s, build weighted %.2f s (%d distinct weights)%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, weighted.outWeights().distinctWeights());
        CompactGraph plain = CompactGraph.builder(records.vertexCount()).codeWeights(false)
                .build(records.src(), records.dst(), records.weight(), records.src().length);
        records = null;
        CompactGraph unweighted = GeneratedGraphs.withoutWeights(weighted);

        PageRankParameters parameters = PageRankParameters.defaults()
                .withTolerance(0).withMaxIterations(iterations).withThreads(threads);
        // Alternated, so that machine noise hits each layout alike.
        for (int round = 0; round < 2; round++) {
            measure("weighted, coded weights (2 bytes)", weighted, parameters, repeats);
            measure("weighted, plain float weights (4 bytes)", plain, parameters, repeats);
            measure("unweighted", unweighted, parameters, repeats);
        }
    }

    private static void measure(String name, CompactGraph g, PageRankParameters parameters, int repeats) {
        int maxIn = 0;
        int maxOut = 0;
        for (int v = 0; v < g.vertexCount(); v++) {
            maxIn = Math.max(maxIn, g.inDegree(v));
            maxOut = Math.max(maxOut, g.outDegree(v));
        }
        System.out.printf(Locale.ROOT, "%n%s: %,d edges, max in-degree %,d, max out-degree %,d, graph %.1f MB, "
                        + "%.2f bytes/edge (+ %.2f bytes/edge PageRank working memory)%n",
                name, g.edgeCount(), maxIn, maxOut, g.memoryBytes() / 1e6, g.bytesPerEdge(),
                32.0 * g.vertexCount() / g.edgeCount());
        PageRank pageRank = new PageRank(parameters);
        PageRankResult warm = pageRank.run(g);
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            PageRankResult r = pageRank.run(g);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            if (r.iterations() != parameters.maxIterations() || r.score(0) != warm.score(0)) {
                throw new IllegalStateException("runs differ: " + r);
            }
        }
        Arrays.sort(seconds);
        double best = seconds[0];
        double median = seconds[repeats / 2];
        double edgeIterations = (double) g.edgeCount() * parameters.maxIterations();
        System.out.printf(Locale.ROOT, "%s: best %.3f s, median %.3f s for %d iterations: "
                        + "%.3g edge-iterations/s (best), %.3g (median)%n",
                name, best, median, parameters.maxIterations(), edgeIterations / best, edgeIterations / median);
    }
}
