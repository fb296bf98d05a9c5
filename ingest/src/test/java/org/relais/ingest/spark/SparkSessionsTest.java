package org.relais.ingest.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.ingest.config.ConfigException;
import org.relais.ingest.config.RelaisConfig;

class SparkSessionsTest {

    @Test
    void masterUrlsSparkTakesPass() {
        for (String master : List.of("", "local", "local[2]", "local[*]", "local[4, 3]", "local[*,2]",
                "local-cluster[2,1,1024]", "spark://master:7077", "spark://m1:7077,m2:7077", "yarn", "k8s://https://k8s.example:443",
                "mesos://mesos.example:5050")) {
            assertNull(SparkSessions.masterProblem(config(master)), master);
        }
    }

    @Test
    void anythingElseIsNamedWithTheFormsThatWork() {
        for (String master : List.of("foo", "local[two]", "local[2", "locale", "spark:/master:7077", "local[0]",
                "local[ 4 ]", "garbage://x", "spark://", "http://master:7077")) {
            assertEquals("relais.spark.master (--master) was \"" + master + "\", which is not a Spark master URL: use"
                    + " local, local[N], local[*], spark://HOST:PORT, yarn or k8s://URL",
                    SparkSessions.masterProblem(config(master)), master);
        }
    }

    private static RelaisConfig config(String master) {
        return RelaisConfig.builder().set("relais.spark.master", master).build();
    }

    @Test
    void noShufflePartitionsIsAConfigurationProblemListedWithTheMaster() {
        ConfigException e = assertThrows(ConfigException.class, () -> SparkSessions.check(RelaisConfig.builder()
                .set(List.of("spark.master=foo", "spark.shuffle-partitions=0")).build()));
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertEquals("relais.spark.shuffle-partitions was 0, but must be >= 1", e.problems().get(1));
    }

    @Test
    void aFailedStartIsOneLineAndSaysWhereYarnAndKubernetesRun() {
        assertEquals("Spark could not start on local[*]: NumberFormatException: Size must be given in bytes. E.g. 50b."
                + " Failed to parse byte string: bogus (check relais.spark.conf and relais.spark.master)",
                new SparkSessions.StartException("local[*]", new NumberFormatException(
                        "Size must be given in bytes. E.g. 50b.\nFailed to parse byte string: bogus\n")).getMessage());
        assertEquals("Spark could not start on yarn: IllegalStateException: Could not parse Master URL: 'yarn' (the Spark"
                + " inside bin/relais runs local and spark:// masters only: submit relais-app.jar with the cluster's"
                + " spark-submit, see docs/operations.md)", new SparkSessions.StartException("yarn",
                        new IllegalStateException("Could not parse Master URL: 'yarn'")).getMessage());
    }
}
