package org.relais.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.lib.PageRank;
import org.apache.spark.storage.StorageLevel;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.opt.graph.sparse.SparseIntDirectedGraph;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.algo.pagerank.PageRankResult;
import org.relais.analytics.graph.CompactGraph;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * PageRank side by side in one run, on the same generated graph: Relais's in-memory PageRank,
 * JGraphT's {@code PageRank} on its compact {@code SparseIntDirectedGraph}, and Spark GraphX's
 * {@code PageRank.run} on {@code local[threads]}, each for the same number of iterations, unweighted
 * (GraphX's PageRank has no weights). Prints load and compute times, edge-iterations per second and
 * the ratios to Relais; and the largest difference between Relais's and JGraphT's scores.
 *
 * <p>Usage: {@code PageRankComparisonBench [vertices edgeRecords iterations threads seed]}, default
 * {@code 1000000 10000000 20 2 42}. Give the JVM about 12 GB ({@code BENCH_HEAP=14g bench/run ...}).
 */
public final class PageRankComparisonBench {

    private PageRankComparisonBench() {
    }

    public static void main(String[] args) {
        BenchArgs given = new BenchArgs(args);
        int n = given.integer(0, 1_000_000);
        int m = given.integer(1, 10_000_000);
        int iterations = given.integer(2, 20);
        int threads = given.integer(3, 2);
        long seed = given.longInteger(4, 42);
        GeneratedGraphs.Records records = GeneratedGraphs.skewed(n, m, seed);
        System.out.printf(Locale.ROOT, "PageRank, %,d vertices, %,d edge records, %d iterations, %d threads, seed %d%n",
                n, m, iterations, threads, seed);

        long t = System.nanoTime();
        CompactGraph graph = GeneratedGraphs.withoutWeights(records.build());
        double relaisLoad = seconds(t);
        PageRankParameters fixed = new PageRankParameters(0.85, 0, iterations, threads);
        org.relais.analytics.algo.pagerank.PageRank.compute(graph, fixed);
        t = System.nanoTime();
        PageRankResult relais = org.relais.analytics.algo.pagerank.PageRank.compute(graph, fixed);
        double relaisCompute = seconds(t);
        long edges = graph.edgeCount();
        report("Relais (int[] CSR)", relaisLoad, relaisCompute, edges, iterations, relaisCompute);

        t = System.nanoTime();
        List<Pair<Integer, Integer>> list = new ArrayList<>(edges > Integer.MAX_VALUE ? 0 : (int) edges);
        int[] offsets = graph.outOffsets();
        int[] targets = graph.outTargets();
        for (int u = 0; u < n; u++) {
            for (int e = offsets[u]; e < offsets[u + 1]; e++) {
                list.add(Pair.of(u, targets[e]));
            }
        }
        SparseIntDirectedGraph jg = new SparseIntDirectedGraph(n, list);
        list = null;
        double jgraphtLoad = seconds(t);
        t = System.nanoTime();
        // JGraphT wants a positive tolerance; the smallest one never stops it before the last iteration.
        org.jgrapht.alg.scoring.PageRank<Integer, Integer> jpr =
                new org.jgrapht.alg.scoring.PageRank<>(jg, 0.85, iterations, Double.MIN_VALUE);
        double[] jscores = new double[n];
        jpr.getScores().forEach((v, s) -> jscores[v] = s);
        double jgraphtCompute = seconds(t);
        report("JGraphT PageRank (SparseIntDirectedGraph)", jgraphtLoad, jgraphtCompute, edges, iterations,
                relaisCompute);
        double maxDiff = 0;
        for (int v = 0; v < n; v++) {
            maxDiff = Math.max(maxDiff, Math.abs(jscores[v] - relais.score(v)));
        }
        System.out.printf(Locale.ROOT, "  largest difference Relais / JGraphT after %d iterations: %.2e%n",
                iterations, maxDiff);
        jg = null;

        SparkConf conf = new SparkConf().setMaster("local[" + threads + "]").setAppName("pagerank-comparison")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            t = System.nanoTime();
            List<Edge<Object>> edgeList = new ArrayList<>((int) edges);
            for (int u = 0; u < n; u++) {
                for (int e = offsets[u]; e < offsets[u + 1]; e++) {
                    edgeList.add(new Edge<>(u, targets[e], 1));
                }
            }
            JavaRDD<Edge<Object>> rdd = sc.parallelize(edgeList, threads * 4);
            edgeList = null;
            ClassTag<Object> tag = ClassTag$.MODULE$.apply(Object.class);
            Graph<Object, Object> g = Graph.fromEdges(rdd.rdd(), 1, StorageLevel.MEMORY_AND_DISK(),
                    StorageLevel.MEMORY_AND_DISK(), tag, tag);
            g.edges().count();
            double graphxLoad = seconds(t);
            t = System.nanoTime();
            Graph<Object, Object> ranks = PageRank.run(g, iterations, 0.15, tag, tag);
            ranks.vertices().count();
            double graphxCompute = seconds(t);
            report("Spark GraphX PageRank.run, local[" + threads + "]", graphxLoad, graphxCompute, edges, iterations,
                    relaisCompute);
        }
    }

    private static void report(String name, double load, double compute, long edges, int iterations, double relais) {
        System.out.printf(Locale.ROOT, "%-45s load %7.2f s, compute %8.3f s, %.2e edge-iterations/s, %6.1fx Relais's time%n",
                name, load, compute, edges * (double) iterations / compute, compute / relais);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
