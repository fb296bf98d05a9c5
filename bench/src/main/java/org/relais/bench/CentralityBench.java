package org.relais.bench;

import java.util.Locale;

import org.relais.analytics.algo.betweenness.Betweenness;
import org.relais.analytics.algo.betweenness.BetweennessParameters;
import org.relais.analytics.algo.betweenness.BetweennessResult;
import org.relais.analytics.algo.closeness.HarmonicCloseness;
import org.relais.analytics.algo.closeness.HarmonicClosenessParameters;
import org.relais.analytics.algo.closeness.HarmonicClosenessResult;
import org.relais.analytics.algo.degree.Degrees;
import org.relais.analytics.algo.hits.Hits;
import org.relais.analytics.algo.hits.HitsParameters;
import org.relais.analytics.algo.hits.HitsResult;
import org.relais.analytics.algo.kcore.Coreness;
import org.relais.analytics.algo.kcore.CorenessResult;
import org.relais.analytics.graph.CompactGraph;

/**
 * Measures the centralities other than PageRank on the compact graph, on the same generated graph
 * as {@link PageRankBench} (1M vertices and 10M edge records by default): HITS for a fixed number of
 * iterations, degrees, k-core, sampled betweenness (and the time per source of the exact method, to
 * extrapolate it) and sampled harmonic closeness.
 *
 * <pre>
 * mvn -B -o -q -pl bench -am compile
 * java -Xmx8g -cp analytics/target/classes:bench/target/classes org.relais.bench.CentralityBench \
 *     [vertices] [edgeRecords] [threads] [seed] [betweennessEpsilon] [harmonicEpsilon]
 * </pre>
 *
 * Defaults: 1000000 10000000 2 42 0.01 0.05, HITS 20 iterations. Each measure runs once (they are
 * long enough for the JIT to warm up inside the run), except HITS, k-core and degrees, which run
 * once to warm up and then three times, best and median printed. The system property
 * {@code bench.only} (a comma-separated subset of {@code hits,degrees,kcore,betweenness,exact,harmonic})
 * limits what runs; {@code bench.delta} sets delta for both samplers (default 0.1).
 */
public final class CentralityBench {

    private CentralityBench() {
    }

    public static void main(String[] args) {
        BenchArgs given = new BenchArgs(args);
        int n = given.integer(0, 1_000_000);
        int m = given.integer(1, 10_000_000);
        int threads = given.integer(2, 2);
        long seed = given.longInteger(3, 42);
        double betweennessEpsilon = given.decimal(4, 0.01);
        double harmonicEpsilon = given.decimal(5, 0.05);
        double delta = Double.parseDouble(System.getProperty("bench.delta", "0.1"));
        String only = System.getProperty("bench.only", "hits,degrees,kcore,betweenness,exact,harmonic");

        System.out.printf(Locale.ROOT, "Centrality bench: %,d vertices, %,d edge records, %d threads, seed %d; "
                        + "Java %s, %d processors, load average %.2f%n", n, m, threads, seed,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadAverage());
        long t0 = System.nanoTime();
        CompactGraph g = GeneratedGraphs.skewed(n, m, seed).build();
        int[] max = GeneratedGraphs.maxDegrees(g);
        System.out.printf(Locale.ROOT, "graph: %,d edges, max in-degree %,d, max out-degree %,d, %.1f MB, "
                + "generated and built in %.1f s%n", g.edgeCount(), max[0], max[1], g.memoryBytes() / 1e6, seconds(t0));

        if (only.contains("hits")) {
            HitsParameters p = HitsParameters.defaults().withTolerance(0).withMaxIterations(20).withThreads(threads);
            repeat("HITS, 20 iterations, weighted", () -> {
                HitsResult r = Hits.compute(g, p);
                return r.iterations() + " iterations";
            });
        }
        if (only.contains("degrees")) {
            repeat("degrees and strengths", () -> "max in-strength " + max(Degrees.of(g).inStrengths()));
        }
        if (only.contains("kcore")) {
            repeat("k-core", () -> {
                CorenessResult r = Coreness.compute(g);
                return "degeneracy " + r.degeneracy() + ", " + r.undirectedEdgeCount() + " undirected edges";
            });
        }
        if (only.contains("betweenness")) {
            BetweennessParameters p = BetweennessParameters.defaults().withMethod(BetweennessParameters.Method.SAMPLED)
                    .withEpsilon(betweennessEpsilon).withDelta(delta).withSeed(seed).withThreads(threads);
            long start = System.nanoTime();
            double cpuStart = cpuSeconds();
            BetweennessResult r = new Betweenness(p).withProgress(progressEvery(10, start)).run(g);
            double s = seconds(start);
            double cpu = cpuSeconds() - cpuStart;
            System.out.printf(Locale.ROOT, "betweenness, sampled, hops: wall %.1f s, CPU %.1f s for %,d samples "
                            + "(epsilon %s, delta %s, vertex diameter bound %d): %.0f samples per CPU second, "
                            + "max score %.4f%n",
                    s, cpu, r.samples(), betweennessEpsilon, delta, r.vertexDiameterBound(), r.samples() / cpu,
                    max(r.scores()));
        }
        if (only.contains("exact")) {
            // The exact method's cost per source, from a few hundred sources, to extrapolate.
            int sources = Integer.getInteger("bench.exactSources", 200);
            long start = System.nanoTime();
            double cpuStart = cpuSeconds();
            long done = exactSources(g, sources, threads);
            double s = seconds(start);
            double cpuPerSource = (cpuSeconds() - cpuStart) / done;
            System.out.printf(Locale.ROOT, "betweenness, exact, hops: %,d sources in wall %.1f s: %.4f CPU s per "
                            + "source, %.1e edges scanned per CPU second; all %,d sources: %.1f hours on %d threads%n",
                    done, s, cpuPerSource, 2.0 * g.edgeCount() / cpuPerSource, n, cpuPerSource * n / threads / 3600,
                    threads);
        }
        if (only.contains("harmonic")) {
            HarmonicClosenessParameters p = HarmonicClosenessParameters.defaults()
                    .withMethod(HarmonicClosenessParameters.Method.SAMPLED).withNormalized(true)
                    .withEpsilon(harmonicEpsilon).withDelta(delta).withSeed(seed).withThreads(threads);
            long start = System.nanoTime();
            double cpuStart = cpuSeconds();
            HarmonicClosenessResult r = new HarmonicCloseness(p).withProgress(progressEvery(10, start)).run(g);
            double s = seconds(start);
            double cpu = cpuSeconds() - cpuStart;
            System.out.printf(Locale.ROOT, "harmonic closeness, sampled: wall %.1f s, CPU %.1f s for %,d sources "
                            + "(epsilon %s, delta %s): %.3f CPU s per BFS, max normalised score %.4f%n",
                    s, cpu, r.sources(), harmonicEpsilon, delta, cpu / r.sources(), max(r.scores()));
        }
    }

    /**
     * Runs the exact method on the whole graph and cancels it once at least {@code sources} sources
     * are done; returns how many ran. Cancellation is checked before every round, and with one
     * source per chunk (as on large graphs) {@code WorkRounds} makes {@code min(10,000, n / (4 threads))}
     * rounds of {@code n / rounds} sources, which is how the sources done are counted here.
     */
    private static long exactSources(CompactGraph g, int sources, int threads) {
        int n = g.vertexCount();
        int rounds = Math.max(1, Math.min(10_000, n / (4 * threads)));
        BetweennessParameters p = BetweennessParameters.defaults().withMethod(BetweennessParameters.Method.EXACT)
                .withThreads(threads);
        long[] done = new long[1];
        int[] calls = new int[1];
        try {
            new Betweenness(p).withCancellation(() -> {
                done[0] = (long) n * calls[0]++ / rounds;
                return done[0] >= sources;
            }).run(g);
        } catch (java.util.concurrent.CancellationException e) {
            return done[0];
        }
        return n;
    }

    private static org.relais.analytics.algo.ProgressListener progressEvery(int percentStep, long start) {
        int[] next = {percentStep};
        return (phase, round, left) -> {
            int percent = (int) Math.round((1 - left) * 100);
            if (percent >= next[0]) {
                System.out.printf(Locale.ROOT, "  %s: %d%% after %.1f s%n", phase, percent, seconds(start));
                next[0] = percent + percentStep;
            }
        };
    }

    private interface Timed {
        String run();
    }

    private static void repeat(String name, Timed body) {
        body.run();
        double[] s = new double[3];
        double[] cpu = new double[3];
        String detail = "";
        for (int i = 0; i < s.length; i++) {
            long start = System.nanoTime();
            double cpuStart = cpuSeconds();
            detail = body.run();
            s[i] = seconds(start);
            cpu[i] = cpuSeconds() - cpuStart;
        }
        java.util.Arrays.sort(s);
        java.util.Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s: wall best %.3f s, median %.3f s; CPU best %.3f s, median %.3f s (%s)%n",
                name, s[0], s[1], cpu[0], cpu[1], detail);
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * CPU seconds used by this process so far. The machines are shared: when other processes take
     * cores, wall time overstates the cost, and CPU time divided by the threads is the better guide
     * to the wall time on an idle machine. Both are printed.
     */
    private static double cpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
