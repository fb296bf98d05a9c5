package org.relais.analytics.distributed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.algo.pagerank.PageRank;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.algo.pagerank.PageRankResult;
import org.relais.analytics.graph.CompactGraph;

/**
 * PageRank of an edge {@code Dataset}, on the driver when the graph fits the {@link MemoryBudget} and on
 * the cluster ({@link DistributedPageRank}) when it does not, with the same scores either way.
 *
 * <p>The decision counts the edge records (one Spark job) and compares {@link MemoryBudget#estimateBytes}
 * with the budget; a budget of 0 forces the distributed path and {@code Long.MAX_VALUE} the in-memory
 * one (within the size limit of int-indexed arrays). The in-memory path collects the edges to the driver
 * as primitive arrays, builds a {@link CompactGraph} and runs {@link PageRank}.
 *
 * <p>This is PageRank alone, for an edge {@code Dataset} of one's own (the benchmarks and the
 * agreement tests of the two paths use it). The nightly analyze job does not: it computes every
 * measure, so it chooses between the two paths with the estimate of its whole in-memory analysis
 * ({@link MemoryBudget#analyzeBytes}), not of PageRank's graph alone, and on Spark it computes
 * PageRank only, without warm start or seeds.
 */
public final class PageRankOnSpark {

    private final PageRankParameters parameters;
    private final MemoryBudget budget;
    private final int checkpointInterval;
    private final ProgressListener progress;

    /**
     * @param checkpointInterval for the distributed path, see {@link DistributedPageRankParameters}
     */
    public PageRankOnSpark(PageRankParameters parameters, MemoryBudget budget, int checkpointInterval,
                           ProgressListener progress) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.checkpointInterval = checkpointInterval;
        this.progress = Objects.requireNonNull(progress, "progress");
        distributedParameters(); // validates the interval now
    }

    /** The scores, which path computed them, and how. */
    public record Result(Dataset<Row> scores, MemoryBudget.Path path, long estimatedBytes, int iterations,
                         boolean converged, double finalDelta) {
    }

    /**
     * Computes the PageRank of the vertices {@code 0..vertexCount-1} of {@code edges} (columns as
     * {@link DistributedPageRank#run}); the scores have {@link DistributedPageRank#SCORES_SCHEMA}.
     *
     * @param checkpointDirectory used by the distributed path only
     */
    public Result run(Dataset<Row> edges, long vertexCount, String checkpointDirectory) {
        long records = edges.count();
        long estimate = MemoryBudget.estimateBytes(vertexCount, records);
        MemoryBudget.Path path = budget.decide(vertexCount, records);
        if (path == MemoryBudget.Path.DISTRIBUTED) {
            DistributedPageRankResult r = new DistributedPageRank(distributedParameters()).withProgress(progress)
                    .run(edges, vertexCount, checkpointDirectory);
            return new Result(r.scores(), path, estimate, r.iterations(), r.converged(), r.finalDelta());
        }
        CompactGraph graph = collect(edges, (int) vertexCount, (int) records);
        PageRankResult r = new PageRank(parameters).withProgress(progress).run(graph);
        List<Row> rows = new ArrayList<>(graph.vertexCount());
        for (int v = 0; v < graph.vertexCount(); v++) {
            rows.add(RowFactory.create((long) v, r.score(v)));
        }
        Dataset<Row> scores = edges.sparkSession().createDataFrame(rows, DistributedPageRank.SCORES_SCHEMA);
        return new Result(scores, path, estimate, r.iterations(), r.converged(), r.finalDelta());
    }

    private DistributedPageRankParameters distributedParameters() {
        return DistributedPageRankParameters.of(parameters).withCheckpointInterval(checkpointInterval);
    }

    /** Brings the edge records to the driver as arrays and builds the compact graph. */
    static CompactGraph collect(Dataset<Row> edges, int vertexCount, int records) {
        List<String> columns = Arrays.asList(edges.columns());
        Column weight = columns.contains(DistributedPageRank.WEIGHT)
                ? col(DistributedPageRank.WEIGHT).cast(DataTypes.DoubleType) : lit(1.0);
        Dataset<Row> typed = edges.select(col(DistributedPageRank.SRC).cast(DataTypes.IntegerType),
                col(DistributedPageRank.DST).cast(DataTypes.IntegerType), weight);
        int[] src = new int[records];
        int[] dst = new int[records];
        double[] w = new double[records];
        int m = 0;
        for (Iterator<Row> it = typed.toLocalIterator(); it.hasNext() && m < records; m++) {
            Row r = it.next();
            src[m] = r.getInt(0);
            dst[m] = r.getInt(1);
            w[m] = r.getDouble(2);
        }
        return CompactGraph.builder(vertexCount).build(src, dst, w, m);
    }
}
