package org.relais.ingest.format;

import java.util.List;
import org.relais.ingest.model.Identity;
import org.relais.ingest.model.ParsedRecord;

/**
 * {@code identities-csv}: which account belongs to which blog, as a hand-kept list says. RFC 4180
 * CSV in UTF-8 with a header row, one link per row, split as {@link CsvFiles} describes.
 *
 * <p>Columns (names in any case; extra columns ignored; values trimmed; required ones marked *):
 * {@code blog_url}* (any URL of the blog; its id by {@link BlogIds}, with the configured path
 * patterns, so that {@code https://blogs.example/jeanne/} and a post of hers give the same blog),
 * {@code platform}* ({@code twitter}, {@code bluesky} or {@code mastodon}), {@code account_id}*
 * (the platform's id, as in the other tables: a numeric Twitter id, a DID, {@code user@instance}
 * with or without a leading {@code @} and the instance in any case, {@link Values#accountId}),
 * {@code handle} (a leading {@code @} dropped).
 *
 * <p>Each row gives one {@link Identity} with source {@link Identity#IDENTITIES_CSV}. A blog may have
 * several accounts, and an account several blogs. Identities that profiles state (the website of
 * an account) are not written here: the analyze job derives them from the accounts table.
 *
 * <p>Kafka key: {@code platform:account_id}, as for everything else about an account.
 */
public final class IdentitiesCsvFormat extends CsvFormat {

    public static final String NAME = "identities-csv";

    static final String BLOG_URL = "blog_url";
    static final String PLATFORM = "platform";
    static final String ACCOUNT_ID = "account_id";
    static final String HANDLE = "handle";
    private static final List<String> REQUIRED = List.of(BLOG_URL, PLATFORM, ACCOUNT_ID);

    public IdentitiesCsvFormat() {
        super(NAME, "CSV of blog authors' accounts: blog_url, platform, account_id[, handle]", REQUIRED);
    }

    @Override
    String key(CsvRow row) {
        return platformKey(row.optional(PLATFORM), row.optional(ACCOUNT_ID));
    }

    @Override
    public ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException {
        CsvRow row = CsvRow.parse(value);
        String blogUrl = row.required(BLOG_URL);
        String platform = Values.socialPlatform(row.required(PLATFORM), PLATFORM);
        String accountId = Values.accountId(platform, row.required(ACCOUNT_ID), ACCOUNT_ID);
        String blogId = Values.blogId(context.blogIds(), blogUrl, BLOG_URL);
        return new ParsedRecord().add(new Identity(blogId, platform, accountId, Values.handle(row.optional(HANDLE)),
                Identity.IDENTITIES_CSV));
    }
}
