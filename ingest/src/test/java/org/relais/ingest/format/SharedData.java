package org.relais.ingest.format;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared sample data beside the project ({@code ../shared}), which tests skip without. */
final class SharedData {

    private SharedData() {
    }

    /** A file under the shared directory; skips the calling test when it is not there. */
    static Path file(String relative) {
        Path shared = Path.of(System.getProperty("relais.shared.dir", "../shared"));
        Path file = shared.resolve(relative);
        assumeTrue(Files.isRegularFile(file), shared + " not found: skipping the real-sample test (" + relative + ")");
        return file;
    }
}
