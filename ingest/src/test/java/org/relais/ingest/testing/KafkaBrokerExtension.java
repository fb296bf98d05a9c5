package org.relais.ingest.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.relais.ingest.broker.LocalKafkaBroker;

/**
 * A real Kafka broker (KRaft, its own JVM) for the test class that registers this extension,
 * started on a free port before the first test and stopped after the last:
 * {@code @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();}
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private LocalKafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path dir = Files.createTempDirectory(tmp(), "kafka-" + context.getRequiredTestClass().getSimpleName());
        broker = LocalKafkaBroker.start(new LocalKafkaBroker.Options(dir, 0, 3, true));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public LocalKafkaBroker broker() {
        return broker;
    }

    static Path tmp() throws IOException {
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(dir);
        return dir;
    }
}
