package org.relais.ingest.format;

import java.time.Instant;
import java.util.List;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Platforms;

/**
 * {@code follows-csv}: follow edges, as exported from a follower crawl. RFC 4180 CSV in UTF-8
 * with a header row, one edge per row, split as {@link CsvFiles} describes.
 *
 * <p>Columns (names in any case; extra columns ignored; values trimmed; required ones marked *):
 * {@code follower_id}*, {@code followee_id}*, {@code platform} (one of
 * {@link Platforms#ALL}; default {@code twitter}), {@code observed_at} (ISO-8601, checked with
 * {@link ParseContext#checkTime}; default {@link ParseContext#receivedAt}),
 * {@code follower_handle}, {@code followee_handle}.
 *
 * <p>Each row gives one {@link Follow}; a handle, when given, also gives an {@link Account} with
 * just platform, id, handle and observation time, so that reports can show names (a leading
 * {@code @} is dropped).
 *
 * <p>Kafka key: {@code platform:follower_id}, so that the edges of one follower stay in order in
 * one partition.
 */
public final class FollowsCsvFormat extends CsvFormat {

    public static final String NAME = "follows-csv";

    static final String FOLLOWER_ID = "follower_id";
    static final String FOLLOWEE_ID = "followee_id";
    static final String PLATFORM = "platform";
    static final String OBSERVED_AT = "observed_at";
    static final String FOLLOWER_HANDLE = "follower_handle";
    static final String FOLLOWEE_HANDLE = "followee_handle";
    private static final List<String> REQUIRED = List.of(FOLLOWER_ID, FOLLOWEE_ID);

    public FollowsCsvFormat() {
        super(NAME, "CSV of follow edges: follower_id, followee_id[, platform, observed_at, follower_handle,"
                + " followee_handle]", REQUIRED);
    }

    @Override
    String key(CsvRow row) {
        return platformKey(platformOrDefault(row.optional(PLATFORM)), row.optional(FOLLOWER_ID));
    }

    @Override
    public ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException {
        CsvRow row = CsvRow.parse(value);
        String platform = Values.socialPlatform(platformOrDefault(row.optional(PLATFORM)), PLATFORM);
        String followerId = Values.accountId(platform, row.required(FOLLOWER_ID), FOLLOWER_ID);
        String followeeId = Values.accountId(platform, row.required(FOLLOWEE_ID), FOLLOWEE_ID);
        Instant observedAt = context.checkTime(row.time(OBSERVED_AT), OBSERVED_AT);
        if (observedAt == null) {
            observedAt = context.receivedAt();
        }
        ParsedRecord result = new ParsedRecord().add(new Follow(platform, followerId, followeeId, observedAt, NAME));
        addAccount(result, platform, followerId, row.optional(FOLLOWER_HANDLE), observedAt);
        addAccount(result, platform, followeeId, row.optional(FOLLOWEE_HANDLE), observedAt);
        return result;
    }

    private static String platformOrDefault(String platform) {
        return platform == null ? Platforms.TWITTER : platform;
    }

    private static void addAccount(ParsedRecord result, String platform, String id, String handle, Instant observedAt) {
        String clean = Values.handle(handle);
        if (clean != null) {
            result.add(new Account(platform, id, clean, null, null, null, null, null, null, null, observedAt));
        }
    }
}
