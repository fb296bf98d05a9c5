package org.relais.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.relais.analytics.algo.ProgressListener;
import org.relais.analytics.algo.pagerank.PageRankParameters;
import org.relais.analytics.distributed.DistributedPageRank;
import org.relais.analytics.distributed.DistributedPageRankParameters;
import org.relais.analytics.distributed.DistributedPageRankResult;
import org.relais.analytics.distributed.MemoryBudget;
import org.relais.analytics.distributed.PageRankOnSpark;

/**
 * PageRank on Spark ({@link DistributedPageRank}) beside the in-memory path ({@link PageRankOnSpark}
 * with an unlimited budget: collect the edges, build the compact graph, iterate on the driver), on the
 * generated graph of {@link PageRankBench} at a mid size, with the same fixed number of iterations.
 *
 * <pre>
 * mvn -B -o -q -pl bench -am compile
 * mvn -B -o -q -pl ingest -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/bench.cp
 * FLAGS=$(sed -n 's:.*&lt;spark.java17.flags&gt;\(.*\)&lt;/spark.java17.flags&gt;.*:\1:p' pom.xml)
 * java -Xmx4g $FLAGS -cp analytics/target/classes:bench/target/classes:ingest/target/classes:$(cat /tmp/bench.cp) \
 *     org.relais.bench.DistributedPageRankBench [vertices] [edgeRecords] [iterations] [master] [checkpointInterval]
 * </pre>
 * ({@code ingest}'s test class path holds Spark; {@code FLAGS} are the Java 17 flags Spark needs, the
 * {@code spark.java17.flags} of the parent pom);
 * {@code -Dbench.serializer=org.apache.spark.serializer.KryoSerializer} switches from Spark's default
 * Java serialisation to Kryo. Defaults:
 * 100,000 vertices, 1,000,000 edge records, 20 iterations, {@code local[2]}, a checkpoint every 10.
 */
public final class DistributedPageRankBench {

    private DistributedPageRankBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs given = new BenchArgs(args);
        int n = given.integer(0, 100_000);
        int m = given.integer(1, 1_000_000);
        int iterations = given.integer(2, 20);
        String master = given.text(3, "local[2]");
        int interval = given.integer(4, DistributedPageRankParameters.DEFAULT_CHECKPOINT_INTERVAL);
        Path temp = Files.createTempDirectory("relais-distributed-bench");
        SparkSession spark = SparkSession.builder().appName("DistributedPageRankBench").master(master)
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", 4)
                .config("spark.local.dir", temp.resolve("local").toString())
                .config("spark.sql.warehouse.dir", temp.resolve("warehouse").toUri().toString())
                .config("spark.serializer", System.getProperty("bench.serializer", "org.apache.spark.serializer.JavaSerializer"))
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        System.out.printf(Locale.ROOT, "Distributed PageRank bench: %,d vertices, %,d edge records, %d iterations, %s, "
                + "checkpoint every %d, %s; Java %s, %d processors%n", n, m, iterations, master, interval,
                spark.conf().get("spark.serializer"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        GeneratedGraphs.Records g = GeneratedGraphs.skewed(n, m, 42);
        List<Row> rows = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            rows.add(RowFactory.create(g.src()[i], g.dst()[i], g.weight()[i]));
        }
        StructType schema = new StructType().add("src", DataTypes.IntegerType, false)
                .add("dst", DataTypes.IntegerType, false).add("weight", DataTypes.DoubleType, false);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Dataset<Row> edges = spark.createDataFrame(jsc.parallelize(rows, 8), schema)
                .persist(StorageLevel.MEMORY_AND_DISK());
        rows = null;
        edges.count();

        PageRankParameters parameters = PageRankParameters.defaults().withTolerance(0).withMaxIterations(iterations)
                .withThreads(2);
        long t0 = System.nanoTime();
        PageRankOnSpark.Result memory = new PageRankOnSpark(parameters, new MemoryBudget(Long.MAX_VALUE), interval,
                ProgressListener.NONE).run(edges, n, temp.resolve("checkpoints").toString());
        double[] a = toArray(memory.scores(), n);
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "in-memory (collect, build, %d iterations, scores back): %.2f s; estimate %.1f MB%n",
                memory.iterations(), (t1 - t0) / 1e9, memory.estimatedBytes() / 1e6);

        long[] iterationStart = {System.nanoTime()};
        List<Double> durations = new ArrayList<>();
        DistributedPageRankResult spread = new DistributedPageRank(DistributedPageRankParameters.of(parameters)
                .withCheckpointInterval(interval))
                .withProgress((phase, i, delta) -> {
                    long now = System.nanoTime();
                    durations.add((now - iterationStart[0]) / 1e9);
                    iterationStart[0] = now;
                })
                .run(edges, n, temp.resolve("checkpoints").toString());
        long t2 = System.nanoTime();
        iterationStart[0] = t2;
        double[] b = spread.toArray();
        long t3 = System.nanoTime();
        double diff = 0;
        for (int v = 0; v < n; v++) {
            diff = Math.max(diff, Math.abs(a[v] - b[v]));
        }
        List<Double> later = new ArrayList<>(durations.subList(1, durations.size()));
        later.sort(null);
        System.out.printf(Locale.ROOT, "distributed (%d iterations, %,d distinct edges): %.2f s, of which setup and first "
                        + "iteration %.2f s, then median %.2f s and slowest %.2f s per iteration; scores collected in %.2f s; "
                        + "max difference from in-memory %.2g%n", spread.iterations(), spread.edgeCount(), (t2 - t1) / 1e9,
                durations.get(0), later.get(later.size() / 2), later.get(later.size() - 1), (t3 - t2) / 1e9, diff);
        spark.stop();
    }

    private static double[] toArray(Dataset<Row> scores, int n) {
        double[] out = new double[n];
        scores.toLocalIterator().forEachRemaining(r -> out[(int) r.getLong(0)] = r.getDouble(1));
        return out;
    }
}
