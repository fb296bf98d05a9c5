package org.relais.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The records the ingest benchmarks read: {@code relais-json} posts of about 500 bytes, generated,
 * or {@code twitter-v1}, the real tweets of the shared sample (about 3.9 KB each, user object
 * included) given fresh ids so that none duplicates another; for {@link ParseBench} only,
 * {@code twitter-v2}, the shared sample's twarc2 page (356 KB, 100 tweets and their includes),
 * repeated as it is.
 */
final class BenchRecords {

    private BenchRecords() {
    }

    /** {@code n} records of {@code format}, one JSON document each, always the same for the same n. */
    static List<String> lines(int n, String format) throws IOException {
        if (format.equals("twitter-v2")) {
            return java.util.Collections.nCopies(n, sample("datasets/formats/twitter-v2-twarc2/brexit.jsonl").get(0));
        }
        SplittableRandom random = new SplittableRandom(42);
        List<String> templates = format.equals("twitter-v1") ? tweetTemplates() : List.of();
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = Long.toString(1_500_000_000_000_000_000L + i);
            lines.add(templates.isEmpty()
                    ? post(id, random)
                    // Fresh ids (the parser reads id_str) so that no record is a duplicate of another.
                    : templates.get(i % templates.size()).replace("\"id_str\":\"", "\"id_str\":\"" + id + "x"));
        }
        return lines;
    }

    /** The shared sample's real v1.1 tweets (tweet-sized records as the streaming API sends them). */
    private static List<String> tweetTemplates() throws IOException {
        return sample("datasets/formats/twitter-v1.1/obama_stream_2015-02-01_first90.jsonl");
    }

    private static List<String> sample(String relative) throws IOException {
        Path shared = Path.of(System.getProperty("relais.shared.dir", "../shared")).resolve(relative);
        if (!Files.isRegularFile(shared)) {
            throw new IOException(shared + " not found: run with -Drelais.shared.dir=... or use the relais-json format");
        }
        return Files.readAllLines(shared, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    private static String post(String id, SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 200) {
            text.append("mot").append(random.nextInt(5000)).append(' ');
        }
        return "{\"type\":\"post\",\"platform\":\"twitter\",\"post_id\":\"" + id + "\",\"author_id\":\""
                + random.nextInt(100_000) + "\",\"author_handle\":\"compte" + random.nextInt(100_000)
                + "\",\"created_at\":\"2026-10-08T18:31:05Z\",\"lang\":\"fr\",\"text\":\"" + text.toString().trim()
                + "\",\"hashtags\":[\"Présidentielle2027\"],\"mentions\":[{\"account_id\":\"" + random.nextInt(100_000)
                + "\",\"handle\":\"x\"}],\"urls\":[\"https://blog.example/" + random.nextInt(1000) + "\"]}";
    }
}
