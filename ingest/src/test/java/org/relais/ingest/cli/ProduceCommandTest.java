package org.relais.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relais.ingest.format.Reason;
import org.relais.ingest.kafka.RecordPublisher.Rejection;
import org.relais.ingest.kafka.RecordPublisher;
import org.relais.ingest.testing.CommandRun;

/**
 * The error lines of {@code produce}: records rejected (ProduceCommandIT runs it on a broker), Kafka
 * unreachable.
 */
class ProduceCommandTest {

    @Test
    void serversWhoseNamesDoNotResolveAreKafkaUnreachable(@TempDir Path dir) throws IOException {
        Path posts = Files.writeString(dir.resolve("posts.jsonl"), "{}\n");
        CommandRun r = CommandRun.of(new ProduceCommand(), "--format", "relais-json", "--topic", "t",
                "--bootstrap-servers", "no-such-host.invalid:9092", posts.toString());
        assertEquals(ExitCodes.KAFKA_UNAVAILABLE, r.code(), r.err());
        assertEquals("relais produce: Kafka at no-such-host.invalid:9092 cannot be reached: none of its host names"
                + " resolves to an address (check --bootstrap-servers)", r.lastErrLine());
    }

    @Test
    void aFileThatCannotBeReadSaysWhy(@TempDir Path dir) {
        Path missing = dir.resolve("posts.jsonl");
        Path pattern = dir.resolve("search-*.jsonl");
        for (Object[] c : new Object[][] {{missing, "no such file or directory"}, {pattern, "no file matches this pattern"},
                {dir, "it is a directory"}}) {
            CommandRun r = CommandRun.of(new ProduceCommand(), "--format", "relais-json", "--topic", "t",
                    c[0].toString());
            assertEquals(ExitCodes.USAGE, r.code(), r.err());
            assertEquals("relais produce: cannot read " + c[0] + ": " + c[1], r.lastErrLine());
        }
    }

    @Test
    void namesEachRejectedRecordWhenThereAreFew() {
        RecordPublisher.Result result = new RecordPublisher.Result(10, Map.of(Reason.OVERSIZED, 2L),
                List.of(rejection("a.csv:5"), rejection("b.csv:1")));
        assertEquals("2 record(s) rejected and not published (oversized: 2), at a.csv:5, b.csv:1",
                ProduceCommand.rejectedMessage(result));
    }

    @Test
    void namesTheFirstRejectedRecordsAndCountsTheOthers() {
        RecordPublisher.Result a = new RecordPublisher.Result(10, Map.of(Reason.OVERSIZED, 2L),
                List.of(rejection("a.csv:5"), rejection("a.csv:9")));
        RecordPublisher.Result b = new RecordPublisher.Result(3, Map.of(Reason.OVERSIZED, 1_500L),
                List.of(rejection("b.jsonl:1"), rejection("b.jsonl:2")));
        RecordPublisher.Result total = RecordPublisher.Result.empty().plus(a).plus(b);
        assertEquals(13, total.sent());
        assertEquals(1_502, total.rejected());
        assertEquals("1,502 record(s) rejected and not published (oversized: 1,502), first at a.csv:5, a.csv:9,"
                + " b.jsonl:1 and 1,499 more", ProduceCommand.rejectedMessage(total));
    }

    private static Rejection rejection(String place) {
        return new Rejection(place, Reason.OVERSIZED, "record of 2000 bytes is larger than relais.ingest.max-record-bytes");
    }
}
