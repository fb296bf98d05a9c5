package org.relais.ingest.lake;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The canonical lake tables: their names, column names and schemas, defined here and nowhere else.
 * Every read of a lake table uses these schemas; nothing is inferred. {@code docs/lake.md} describes
 * each column for people reading the Parquet files.
 */
public final class Tables {

    /** The ingest batch (lake version) that stored a row; in every ingested table. */
    public static final String INGEST_BATCH = "ingest_batch";
    /** The input format a row was parsed from; in every ingested table. */
    public static final String SOURCE_FORMAT = "source_format";
    public static final String PLATFORM = "platform";

    private Tables() {
    }

    /** A table: its directory name under the lake, its schema, and the columns that identify a row. */
    public record Table(String name, StructType schema, List<String> key) {
    }

    /** Posts, replies, reposts and quotes; one row per {@code (platform, post_id)}. */
    public static final class Posts {
        public static final String POST_ID = "post_id";
        public static final String AUTHOR_ID = "author_id";
        public static final String AUTHOR_HANDLE = "author_handle";
        public static final String CREATED_AT = "created_at";
        public static final String TEXT = "text";
        public static final String LANG = "lang";
        public static final String URLS = "urls";
        public static final String HASHTAGS = "hashtags";
        public static final String MENTIONS = "mentions";
        public static final String MENTION_ACCOUNT_ID = "account_id";
        public static final String MENTION_HANDLE = "handle";
        public static final String REPLY_TO_POST_ID = "reply_to_post_id";
        public static final String REPLY_TO_AUTHOR_ID = "reply_to_author_id";
        public static final String REPOST_OF_POST_ID = "repost_of_post_id";
        public static final String REPOST_OF_AUTHOR_ID = "repost_of_author_id";
        public static final String QUOTE_OF_POST_ID = "quote_of_post_id";
        public static final String QUOTE_OF_AUTHOR_ID = "quote_of_author_id";
        /** How many optional fields the row fills; of two copies of a post the higher is kept. */
        public static final String COMPLETENESS = "completeness";

        public static final StructType MENTION = new StructType(new StructField[] {
            nullable(MENTION_ACCOUNT_ID, StringType), nullable(MENTION_HANDLE, StringType)});

        public static final Table TABLE = new Table("posts", new StructType(new StructField[] {
            required(PLATFORM, StringType),
            required(POST_ID, StringType),
            nullable(AUTHOR_ID, StringType),
            nullable(AUTHOR_HANDLE, StringType),
            nullable(CREATED_AT, TimestampType),
            nullable(TEXT, StringType),
            nullable(LANG, StringType),
            nullable(URLS, createArrayType(StringType, false)),
            nullable(HASHTAGS, createArrayType(StringType, false)),
            nullable(MENTIONS, createArrayType(MENTION, false)),
            nullable(REPLY_TO_POST_ID, StringType),
            nullable(REPLY_TO_AUTHOR_ID, StringType),
            nullable(REPOST_OF_POST_ID, StringType),
            nullable(REPOST_OF_AUTHOR_ID, StringType),
            nullable(QUOTE_OF_POST_ID, StringType),
            nullable(QUOTE_OF_AUTHOR_ID, StringType),
            nullable(SOURCE_FORMAT, StringType),
            required(COMPLETENESS, IntegerType),
            required(INGEST_BATCH, LongType)}), List.of(PLATFORM, POST_ID));

        private Posts() {
        }
    }

    /**
     * What is known of each account, one row per {@code (platform, account_id)}: each column holds
     * the latest value observed for it (see {@link ColumnMerge}).
     */
    public static final class Accounts {
        public static final String ACCOUNT_ID = "account_id";
        public static final String HANDLE = "handle";
        public static final String DISPLAY_NAME = "display_name";
        public static final String PROFILE_URL = "profile_url";
        public static final String DESCRIPTION = "description";
        public static final String FOLLOWERS_COUNT = "followers_count";
        public static final String FOLLOWING_COUNT = "following_count";
        public static final String PROTECTED = "protected";
        public static final String VERIFIED = "verified";
        /** When the account was created, as the platform says. */
        public static final String CREATED_AT = "created_at";
        public static final String OBSERVED_AT = "observed_at";
        /**
         * What an observation says about the account: a later observation's values replace
         * earlier ones, its nulls are filled from them.
         */
        public static final List<String> OBSERVED = List.of(HANDLE, DISPLAY_NAME, PROFILE_URL, DESCRIPTION,
                FOLLOWERS_COUNT, FOLLOWING_COUNT, PROTECTED, VERIFIED, CREATED_AT);

        public static final Table TABLE = new Table("accounts", new StructType(new StructField[] {
            required(PLATFORM, StringType),
            required(ACCOUNT_ID, StringType),
            nullable(HANDLE, StringType),
            nullable(DISPLAY_NAME, StringType),
            nullable(PROFILE_URL, StringType),
            nullable(DESCRIPTION, StringType),
            nullable(FOLLOWERS_COUNT, LongType),
            nullable(FOLLOWING_COUNT, LongType),
            nullable(PROTECTED, BooleanType),
            nullable(VERIFIED, BooleanType),
            nullable(CREATED_AT, TimestampType),
            nullable(OBSERVED_AT, TimestampType),
            nullable(SOURCE_FORMAT, StringType),
            required(INGEST_BATCH, LongType)}), List.of(PLATFORM, ACCOUNT_ID));

        private Accounts() {
        }
    }

    /**
     * Follow edges; one row per {@code (platform, follower_id, followee_id)}: a copy with the
     * platform's {@code follow_id} before one without; of those with one, the latest observed; of
     * those without, the first ({@link SegmentMerge#priority}).
     */
    public static final class Follows {
        public static final String FOLLOWER_ID = "follower_id";
        public static final String FOLLOWEE_ID = "followee_id";
        public static final String OBSERVED_AT = "observed_at";
        /** The platform's id of the follow itself, where it has one (Bluesky's record URI). */
        public static final String FOLLOW_ID = "follow_id";

        public static final Table TABLE = new Table("follows", new StructType(new StructField[] {
            required(PLATFORM, StringType),
            required(FOLLOWER_ID, StringType),
            required(FOLLOWEE_ID, StringType),
            nullable(OBSERVED_AT, TimestampType),
            nullable(FOLLOW_ID, StringType),
            nullable(SOURCE_FORMAT, StringType),
            required(INGEST_BATCH, LongType)}), List.of(PLATFORM, FOLLOWER_ID, FOLLOWEE_ID));

        private Follows() {
        }
    }

    /** Links from blog posts; one row per {@code (source_post_url, target_url)}. */
    public static final class BlogLinks {
        public static final String SOURCE_BLOG = "source_blog";
        public static final String SOURCE_POST_URL = "source_post_url";
        public static final String TARGET_URL = "target_url";
        public static final String TARGET_BLOG = "target_blog";
        public static final String PUBLISHED_AT = "published_at";
        public static final String ANCHOR_TEXT = "anchor_text";

        public static final Table TABLE = new Table("blog_links", new StructType(new StructField[] {
            required(SOURCE_BLOG, StringType),
            required(SOURCE_POST_URL, StringType),
            required(TARGET_URL, StringType),
            required(TARGET_BLOG, StringType),
            nullable(PUBLISHED_AT, TimestampType),
            nullable(ANCHOR_TEXT, StringType),
            nullable(SOURCE_FORMAT, StringType),
            required(INGEST_BATCH, LongType)}), List.of(SOURCE_POST_URL, TARGET_URL));

        private BlogLinks() {
        }
    }

    /**
     * What platforms said was deleted: kept for good, so that later copies of deleted things are
     * dropped too. One row per deletion ({@code deletion_id}).
     */
    public static final class Deletions {
        /** {@code kind:platform:id}: the key, since a deletion has either a post id or an account id. */
        public static final String DELETION_ID = "deletion_id";
        public static final String KIND = "kind";
        public static final String POST_ID = "post_id";
        public static final String ACCOUNT_ID = "account_id";
        public static final String DELETED_AT = "deleted_at";
        public static final String SOURCE = "source";

        public static final Table TABLE = new Table("deletions", new StructType(new StructField[] {
            required(DELETION_ID, StringType),
            required(PLATFORM, StringType),
            required(KIND, StringType),
            nullable(POST_ID, StringType),
            nullable(ACCOUNT_ID, StringType),
            nullable(DELETED_AT, TimestampType),
            nullable(SOURCE, StringType),
            nullable(SOURCE_FORMAT, StringType),
            required(INGEST_BATCH, LongType)}), List.of(DELETION_ID));

        private Deletions() {
        }
    }

    /** Blogs and the accounts of their authors, from identity lists; one row per link. */
    public static final class Identities {
        public static final String BLOG_ID = "blog_id";
        public static final String ACCOUNT_ID = "account_id";
        public static final String HANDLE = "handle";
        public static final String SOURCE = "source";

        public static final Table TABLE = new Table("identities", new StructType(new StructField[] {
            required(BLOG_ID, StringType),
            required(PLATFORM, StringType),
            required(ACCOUNT_ID, StringType),
            nullable(HANDLE, StringType),
            nullable(SOURCE, StringType),
            nullable(SOURCE_FORMAT, StringType),
            required(INGEST_BATCH, LongType)}), List.of(BLOG_ID, PLATFORM, ACCOUNT_ID));

        private Identities() {
        }
    }

    /** Kafka records that could not be parsed, kept with their bytes, coordinates and the reason. */
    public static final class Quarantine {
        public static final String TOPIC = "topic";
        public static final String PARTITION = "partition";
        public static final String OFFSET = "offset";
        public static final String KAFKA_TIMESTAMP = "kafka_timestamp";
        public static final String FORMAT = "format";
        public static final String SOURCE = "source";
        public static final String STAGE = "stage";
        public static final String REASON_CODE = "reason_code";
        public static final String REASON = "reason";
        public static final String KEY = "key";
        public static final String VALUE = "value";
        public static final String QUARANTINED_AT = "quarantined_at";

        public static final Table TABLE = new Table("quarantine", new StructType(new StructField[] {
            required(TOPIC, StringType),
            required(PARTITION, IntegerType),
            required(OFFSET, LongType),
            nullable(KAFKA_TIMESTAMP, TimestampType),
            nullable(FORMAT, StringType),
            nullable(SOURCE, StringType),
            required(STAGE, StringType),
            required(REASON_CODE, StringType),
            nullable(REASON, StringType),
            nullable(KEY, BinaryType),
            nullable(VALUE, BinaryType),
            required(QUARANTINED_AT, TimestampType),
            required(INGEST_BATCH, LongType)}), List.of(TOPIC, PARTITION, OFFSET));

        private Quarantine() {
        }
    }

    /**
     * The ingested tables, in the order the ingest job writes them. A method, not a constant: a
     * constant here would be built while a nested table class is still initialising, as null.
     */
    public static List<Table> ingested() {
        return List.of(Posts.TABLE, Accounts.TABLE, Follows.TABLE, BlogLinks.TABLE, Identities.TABLE,
                Deletions.TABLE, Quarantine.TABLE);
    }

    static StructField required(String name, DataType type) {
        return new StructField(name, type, false, Metadata.empty());
    }

    static StructField nullable(String name, DataType type) {
        return new StructField(name, type, true, Metadata.empty());
    }
}
