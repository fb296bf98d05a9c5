package org.relais.ingest.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The real-format samples and reference data beside the project ({@code ../shared/datasets}),
 * and the project's own sample-data; tests that need the shared ones skip without them.
 */
public final class SharedSamples {

    public static final String TWITTER_V1 = "formats/twitter-v1.1/obama_stream_2015-02-01_first90.jsonl";
    public static final String TWITTER_V2 = "formats/twitter-v2-twarc2/brexit.jsonl";
    public static final String BLUESKY = "formats/bluesky-jetstream/expected_v1.jsonl";
    public static final String MASTODON = "formats/mastodon/mastodon.social_public_timeline_2025-07-17.json";

    private SharedSamples() {
    }

    /** A file under {@code ../shared/datasets}; skips the calling test when it is not there. */
    public static Path dataset(String relative) {
        Path shared = Paths.get(System.getProperty("relais.shared.dir", "../shared"));
        Path file = shared.resolve("datasets").resolve(relative);
        assumeTrue(Files.isRegularFile(file), file + " not found: skipping the test on real samples");
        return file;
    }

    /** A file of the project's own {@code sample-data/}. */
    public static Path sampleData(String relative) {
        return Paths.get(System.getProperty("relais.project.dir", "..")).resolve("sample-data").resolve(relative);
    }
}
