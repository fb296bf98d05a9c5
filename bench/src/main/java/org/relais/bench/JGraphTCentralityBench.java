package org.relais.bench;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.Coreness;
import org.jgrapht.alg.scoring.HarmonicCentrality;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.relais.analytics.algo.betweenness.Betweenness;
import org.relais.analytics.algo.betweenness.BetweennessParameters;
import org.relais.analytics.algo.closeness.HarmonicCloseness;
import org.relais.analytics.algo.closeness.HarmonicClosenessParameters;
import org.relais.analytics.graph.CompactGraph;

/**
 * Compares this project's betweenness, harmonic closeness and k-core with JGraphT 1.5.2's
 * ({@code BetweennessCentrality}, {@code HarmonicCentrality}, {@code Coreness}) on one mid-size
 * generated graph: the time of each, the time to load the graph into JGraphT, and the largest
 * difference between their scores. JGraphT has no HITS; its PageRank is compared in
 * {@code ../shared/STACK.md}.
 *
 * <pre>
 * mvn -B -o -q -pl bench -am compile
 * R=$HOME/.m2/repository
 * java -Xmx8g -cp analytics/target/classes:bench/target/classes:$R/org/jgrapht/jgrapht-core/1.5.2/jgrapht-core-1.5.2.jar:$R/org/jheaps/jheaps/0.14/jheaps-0.14.jar \
 *     org.relais.bench.JGraphTCentralityBench [vertices] [edgeRecords] [seed]
 * </pre>
 *
 * Defaults: 5000 50000 42. JGraphT runs on one thread; this project's code is timed on one thread
 * and on two. Each runs once after one warm-up run on a graph a tenth the size.
 */
public final class JGraphTCentralityBench {

    private JGraphTCentralityBench() {
    }

    public static void main(String[] args) {
        BenchArgs given = new BenchArgs(args);
        int n = given.integer(0, 5_000);
        int m = given.integer(1, 50_000);
        long seed = given.longInteger(2, 42);
        System.out.printf(Locale.ROOT, "JGraphT comparison: %,d vertices, %,d edge records, seed %d; Java %s, "
                        + "%d processors, load average %.2f%n", n, m, seed, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        compare(GeneratedGraphs.withoutWeights(GeneratedGraphs.skewed(Math.max(10, n / 10), m / 10, seed + 1).build()),
                false);
        compare(GeneratedGraphs.withoutWeights(GeneratedGraphs.skewed(n, m, seed).build()), true);
    }

    private static void compare(CompactGraph g, boolean print) {
        int n = g.vertexCount();
        long start = System.nanoTime();
        double cpu = cpuSeconds();
        Graph<Integer, DefaultEdge> directed = new DefaultDirectedGraph<>(DefaultEdge.class);
        Graph<Integer, DefaultEdge> undirected = new SimpleGraph<>(DefaultEdge.class);
        for (int v = 0; v < n; v++) {
            directed.addVertex(v);
            undirected.addVertex(v);
        }
        for (int u = 0; u < n; u++) {
            for (int e = g.outOffsets()[u]; e < g.outOffsets()[u + 1]; e++) {
                int v = g.outTargets()[e];
                directed.addEdge(u, v);
                if (u != v) {
                    undirected.addEdge(u, v); // a SimpleGraph ignores the second direction
                }
            }
        }
        if (print) {
            System.out.printf(Locale.ROOT, "graph: %,d edges; JGraphT load %.2f s wall, %.2f s CPU%n",
                    g.edgeCount(), seconds(start), cpuSeconds() - cpu);
        }

        double[] ours1 = time(print, "betweenness, exact, normalised: Relais, 1 thread", () -> Betweenness.compute(g,
                BetweennessParameters.defaults().withMethod(BetweennessParameters.Method.EXACT).withThreads(1)).scores());
        time(print, "betweenness, exact, normalised: Relais, 2 threads", () -> Betweenness.compute(g,
                BetweennessParameters.defaults().withMethod(BetweennessParameters.Method.EXACT).withThreads(2)).scores());
        double[] theirs = time(print, "betweenness: JGraphT BetweennessCentrality(g, true)",
                () -> toArray(new BetweennessCentrality<>(directed, true).getScores(), n));
        difference(print, "betweenness", ours1, theirs);

        double[] harmonic = time(print, "harmonic closeness, exact: Relais, 1 thread", () -> HarmonicCloseness.compute(g,
                HarmonicClosenessParameters.defaults().withMethod(HarmonicClosenessParameters.Method.EXACT)
                        .withThreads(1)).scores());
        time(print, "harmonic closeness, exact: Relais, 2 threads", () -> HarmonicCloseness.compute(g,
                HarmonicClosenessParameters.defaults().withMethod(HarmonicClosenessParameters.Method.EXACT)
                        .withThreads(2)).scores());
        double[] jgHarmonic = time(print, "harmonic closeness: JGraphT HarmonicCentrality(g, true, false)",
                () -> toArray(new HarmonicCentrality<>(directed, true, false).getScores(), n));
        difference(print, "harmonic closeness (incoming, not normalised)", harmonic, jgHarmonic);

        double[] core = time(print, "k-core: Relais", () -> {
            int[] c = org.relais.analytics.algo.kcore.Coreness.compute(g).corenesses();
            double[] d = new double[n];
            for (int v = 0; v < n; v++) {
                d[v] = c[v];
            }
            return d;
        });
        double[] jgCore = time(print, "k-core: JGraphT Coreness on the undirected simple graph",
                () -> toArray(new Coreness<>(undirected).getScores(), n));
        difference(print, "k-core", core, jgCore);
    }

    private static double[] toArray(Map<Integer, ? extends Number> scores, int n) {
        double[] a = new double[n];
        for (Map.Entry<Integer, ? extends Number> e : scores.entrySet()) {
            a[e.getKey()] = e.getValue().doubleValue();
        }
        return a;
    }

    private static double[] time(boolean print, String name, Supplier<double[]> body) {
        long start = System.nanoTime();
        double cpu = cpuSeconds();
        double[] result = body.get();
        if (print) {
            System.out.printf(Locale.ROOT, "%s: %.2f s wall, %.2f s CPU%n", name, seconds(start), cpuSeconds() - cpu);
        }
        return result;
    }

    private static void difference(boolean print, String name, double[] a, double[] b) {
        double max = 0;
        for (int v = 0; v < a.length; v++) {
            max = Math.max(max, Math.abs(a[v] - b[v]));
        }
        if (print) {
            System.out.printf(Locale.ROOT, "  %s: largest difference %.2e%n", name, max);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double cpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
