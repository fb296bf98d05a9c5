package org.relais.bench;

import java.util.Locale;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.algo.community.LabelPropagation;
import org.relais.analytics.algo.community.LabelPropagationParameters;
import org.relais.analytics.algo.community.Leiden;
import org.relais.analytics.algo.community.LeidenParameters;
import org.relais.analytics.algo.community.Partition;
import org.relais.analytics.algo.community.UndirectedGraph;
import org.relais.analytics.graph.CompactGraph;

/**
 * Measures Leiden, Louvain and label propagation on the generated graph of {@link GeneratedGraphs}
 * (1M vertices and 10M edge records by default): time, modularity, communities, passes.
 *
 * <pre>
 * mvn -B -o -q -pl bench -am compile
 * java -Xmx6g -cp analytics/target/classes:bench/target/classes org.relais.bench.CommunityBench \
 *     [vertices] [edgeRecords] [seed] [repeats]
 * </pre>
 *
 * The algorithms are single-threaded, so the machine's core count does not enter. Each runs once to
 * warm the JIT and then {@code repeats} timed runs (best and median wall time printed, and the
 * thread's CPU time, which a busy machine does not inflate). System properties:
 * {@code bench.algorithms} (default {@code leiden,louvain,lpa}) picks the algorithms and
 * {@code bench.trace=true} prints every pass; {@code bench.passes} sets Leiden's and Louvain's
 * {@code maxIterations} (default: theirs).
 */
public final class CommunityBench {

    private CommunityBench() {
    }

    public static void main(String[] args) {
        BenchArgs given = new BenchArgs(args);
        int n = given.integer(0, 1_000_000);
        int m = given.integer(1, 10_000_000);
        long seed = given.longInteger(2, 42);
        int repeats = given.integer(3, 3);
        System.out.printf(Locale.ROOT, "Community bench: %,d vertices, %,d edge records, seed %d, %d timed runs; "
                + "Java %s, %d processors%n", n, m, seed, repeats, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        CompactGraph graph = GeneratedGraphs.skewed(n, m, seed).build();
        long t1 = System.nanoTime();
        UndirectedGraph undirected = UndirectedGraph.of(graph);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "generate and build %.2f s; undirected graph %.2f s: %,d edges, %.1f MB%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, undirected.edgeCount(), undirected.memoryBytes() / 1e6);

        String only = System.getProperty("bench.algorithms", "leiden,louvain,lpa");
        long[] passStart = {System.nanoTime()};
        ProgressListener trace = Boolean.getBoolean("bench.trace") ? (phase, i, moved) -> {
            long now = System.nanoTime();
            System.out.printf(Locale.ROOT, "  %s pass %d: %,.0f moves, %.2f s%n", phase, i, moved, (now - passStart[0]) / 1e9);
            passStart[0] = now;
        } : ProgressListener.NONE;
        int passes = Integer.getInteger("bench.passes", LeidenParameters.DEFAULT_MAX_ITERATIONS);
        if (only.contains("leiden")) {
            measure("leiden", () -> {
                passStart[0] = System.nanoTime();
                return new Leiden(LeidenParameters.defaults().withMaxIterations(passes)).withProgress(trace).run(undirected);
            }, repeats);
        }
        if (only.contains("louvain")) {
            measure("louvain", () -> {
                passStart[0] = System.nanoTime();
                return new Leiden(LeidenParameters.louvain().withMaxIterations(passes)).withProgress(trace).run(undirected);
            }, repeats);
        }
        if (only.contains("lpa")) {
            measure("label propagation",
                    () -> new LabelPropagation(LabelPropagationParameters.defaults()).run(undirected), repeats);
        }
    }

    private static void measure(String name, java.util.function.Supplier<Partition> run, int repeats) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        Partition warm = run.get();
        System.out.printf(Locale.ROOT, "%s, first run: %.2f s wall, %.2f s CPU%n", name,
                (System.nanoTime() - wallStart) / 1e9, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        double[] seconds = new double[repeats];
        double[] cpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            Partition p = run.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            if (p.modularity() != warm.modularity()) {
                throw new IllegalStateException("runs differ: " + p + " vs " + warm);
            }
        }
        if (repeats == 0) {
            System.out.printf(Locale.ROOT, "%s: Q %.4f, %,d communities (largest %,d), %d passes/sweeps, %d levels, "
                    + "converged %s%n", name, warm.modularity(), warm.communityCount(), warm.size(0), warm.iterations(),
                    warm.levels(), warm.converged());
            return;
        }
        java.util.Arrays.sort(seconds);
        java.util.Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s: best %.2f s, median %.2f s (CPU of the thread: best %.2f s); Q %.4f, %,d communities (largest %,d), "
                        + "%d passes/sweeps, %d levels, converged %s%n", name, seconds[0], seconds[repeats / 2],
                cpu[0], warm.modularity(), warm.communityCount(), warm.size(0), warm.iterations(), warm.levels(),
                warm.converged());
    }
}
