package org.relais.analytics.job;

import java.util.List;
import java.util.Random;
import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.graph.CompactGraph;
import org.relais.analytics.measures.MeasureSettings;
import org.relais.analytics.measures.MeasureSuite;
import org.relais.ingest.config.RelaisConfig;

/**
 * What the analyze job's in-memory path holds in the driver, without Spark: the actor ids, the
 * collected edge arrays, the compact graph, every measure with personalised PageRank, and the
 * slices of the community and score tables. Run it with a given heap; the smallest {@code -Xmx}
 * with which it finishes is the path's peak, which {@code MemoryBudget.analyzeBytes} must cover:
 *
 * <pre>
 *   java -Xmx600m -cp "$(cat cp.txt):analytics/target/classes:analytics/target/test-classes" \
 *       org.relais.analytics.job.AnalyzeMemoryExperiment 200000 2000000 2
 * </pre>
 *
 * The graph is random with a skewed in-degree (a few actors receive most edges) and a fifth of
 * the actors without edges (each its own community), the ids are
 * {@code twitter:} and 19 digits, and the sampled measures use loose error bounds to run quickly
 * (their memory does not depend on the number of samples).
 */
public final class AnalyzeMemoryExperiment {

    private AnalyzeMemoryExperiment() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int m = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        long started = System.nanoTime();
        Random random = new Random(42);
        String[] ids = new String[n];
        for (int v = 0; v < n; v++) {
            ids[v] = String.format("twitter:%019d", random.nextLong() & Long.MAX_VALUE);
        }
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] weight = new double[m];
        for (int e = 0; e < m; e++) {
            // A fifth of the actors have no edge (authors no one answered): singleton communities.
            src[e] = random.nextInt(n - n / 5);
            dst[e] = (int) ((n - n / 5) * Math.pow(random.nextDouble(), 3));
            weight[e] = random.nextBoolean() ? 1.0 : 0.5;
        }
        CompactGraph graph = CompactGraph.builder(n).build(src, dst, weight, m);
        src = null;
        dst = null;
        weight = null;
        MeasureSettings settings = MeasureSettings.from(RelaisConfig.builder()
                .set("relais.pagerank.threads", threads)
                .set("relais.betweenness.epsilon", 0.05)
                .set("relais.closeness.epsilon", 0.2)
                .build());
        double[] seeds = new double[n];
        for (int v = 0; v < n; v += 1000) {
            seeds[v] = 1;
        }
        MeasureSuite.Measures measures = new MeasureSuite(settings, ProgressListener.NONE).run(graph, null, seeds, null);
        graph = null;
        List<ColumnSlices.Slice> communities = AnalyzeJob.communityColumns(ids, measures).slices();
        List<ColumnSlices.Slice> scores = AnalyzeJob.vertexColumns(measures).slices();
        System.out.printf("n=%d m=%d threads=%d: %d communities, %d + %d slices, %.1f s%n", n, m, threads,
                measures.partition().communityCount(), communities.size(), scores.size(),
                (System.nanoTime() - started) / 1e9);
    }
}
