package org.relais.ingest.format;

import java.time.Instant;
import java.util.List;
import org.relais.ingest.model.Deletion;
import org.relais.ingest.model.ParsedRecord;

/**
 * {@code compliance-csv}: a list of deleted posts and accounts, such as a platform's compliance
 * job returns or an opt-out register keeps. RFC 4180 CSV in UTF-8 with a header row, one deletion
 * per row, split as {@link CsvFiles} describes.
 *
 * <p>Columns (names in any case; extra columns ignored; values trimmed): {@code platform}*
 * ({@code twitter}, {@code bluesky} or {@code mastodon}), {@code post_id} and {@code account_id}
 * (both columns must exist; a row fills at least one), {@code deleted_at} (optional column;
 * ISO-8601, checked with {@link ParseContext#checkTime}).
 *
 * <p>A row with a {@code post_id} gives a {@link Deletion} of that post, with
 * {@code account_id}, when given, as its author (for information: only the post goes); a row with
 * only an {@code account_id} gives a {@link Deletion} of the account, with all its posts and follow
 * edges. Source {@value #NAME}. Ids are the platforms' own, as in the other tables: a Bluesky post
 * is its {@code at://} URI, a Mastodon post its status URI, a Mastodon account
 * {@code user@instance} (a leading {@code @} and the instance's case do not matter,
 * {@link Values#accountId}).
 *
 * <p>Kafka key: {@code platform:post_id}, else {@code platform:account_id}, as the records about
 * the post or account are keyed by the formats that key them.
 */
public final class ComplianceCsvFormat extends CsvFormat {

    public static final String NAME = "compliance-csv";

    static final String PLATFORM = "platform";
    static final String POST_ID = "post_id";
    static final String ACCOUNT_ID = "account_id";
    static final String DELETED_AT = "deleted_at";
    private static final List<String> REQUIRED = List.of(PLATFORM, POST_ID, ACCOUNT_ID);

    public ComplianceCsvFormat() {
        super(NAME, "CSV of deleted posts and accounts: platform, post_id, account_id[, deleted_at]", REQUIRED);
    }

    @Override
    String key(CsvRow row) {
        String postId = row.optional(POST_ID);
        return platformKey(row.optional(PLATFORM), postId != null ? postId : row.optional(ACCOUNT_ID));
    }

    @Override
    public ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException {
        CsvRow row = CsvRow.parse(value);
        String platform = Values.socialPlatform(row.required(PLATFORM), PLATFORM);
        String postId = row.optional(POST_ID);
        String accountId = row.optional(ACCOUNT_ID);
        Instant deletedAt = context.checkTime(row.time(DELETED_AT), DELETED_AT);
        if (postId != null) {
            // The author is for information only: stored as the other tables store it when it can
            // be, else as given; only the post id decides what goes.
            String author;
            try {
                author = Values.accountId(platform, accountId, ACCOUNT_ID);
            } catch (BadRecordException e) {
                author = accountId;
            }
            return new ParsedRecord().add(Deletion.post(platform, postId, author, deletedAt, NAME));
        }
        if (accountId != null) {
            return new ParsedRecord().add(Deletion.account(platform, Values.accountId(platform, accountId, ACCOUNT_ID),
                    deletedAt, NAME));
        }
        throw new BadRecordException(Reason.MISSING_FIELD,
                "post_id and account_id are both empty, but a row must name the post or the account deleted");
    }
}
