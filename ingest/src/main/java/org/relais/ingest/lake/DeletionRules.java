package org.relais.ingest.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

import java.util.EnumSet;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.relais.ingest.lake.Tables.Deletions;
import org.relais.ingest.lake.Tables.Table;
import org.relais.ingest.model.Deletion;
import org.relais.ingest.model.Platforms;

/**
 * What deletions remove from each table, as platform terms require:
 * <ul>
 *   <li>a deleted post: the post, and reposts of it (a repost of a deleted post is deleted with
 *       it on the platforms);
 *   <li>a deleted account: its account row, its posts, reposts of its posts, every follow edge
 *       from or to it, and its identity links;
 *   <li>a deleted follow record: that follow edge.
 * </ul>
 * Quotes of and replies to deleted content are other people's posts and stay; the analyze job
 * drops the edges that point at a deleted account.
 *
 * <p>Quarantined records were never parsed, so what they hold is known only by their Kafka key,
 * {@code <platform>:<id>}: a deleted post takes out the records keyed by its id, a deleted account
 * those keyed by its id (its profile, its follow records; all its Bluesky events, which are keyed
 * by the account). A bad record keyed otherwise, such as a broken tweet of a deleted account,
 * which is keyed by the tweet, cannot be told apart and stays until the quarantine's retention
 * ends ({@code relais.ingest.quarantine-retention}).
 */
public final class DeletionRules {

    private static final String D_PLATFORM = "_d_platform";
    private static final String D_ID = "_d_id";

    /** No deletion stored or new: the merges take nothing out and need not look. */
    public static final DeletionRules NONE = new DeletionRules(null, null, Set.of());

    private final Dataset<Row> all;
    private final Dataset<Row> fresh;
    private final Set<Deletion.Kind> freshKinds;

    /**
     * @param all every deletion, stored and new (the deletions table's columns)
     * @param fresh the deletions of this batch
     * @param anyFresh whether {@code fresh} has any row; when it has, which kinds it holds is read
     *     from it (one small Spark job)
     */
    public DeletionRules(Dataset<Row> all, Dataset<Row> fresh, boolean anyFresh) {
        this(all, fresh, anyFresh ? kinds(fresh) : Set.of());
    }

    /**
     * @param all every deletion, stored and new (the deletions table's columns)
     * @param fresh the deletions of this batch
     * @param freshKinds the kinds of deletion {@code fresh} holds (empty when it has no row)
     */
    public DeletionRules(Dataset<Row> all, Dataset<Row> fresh, Set<Deletion.Kind> freshKinds) {
        this.all = all;
        this.fresh = fresh;
        this.freshKinds = Set.copyOf(freshKinds);
    }

    /** The {@link Removal} of {@code table}: none for tables deletions do not touch. */
    public Removal forTable(Table table) {
        if (this == NONE) {
            return Removal.NONE;
        }
        if (!(table == Tables.Posts.TABLE || table == Tables.Follows.TABLE || table == Tables.Accounts.TABLE
                || table == Tables.Identities.TABLE || table == Tables.Quarantine.TABLE)) {
            return Removal.NONE;
        }
        boolean touched = freshKinds.stream().anyMatch(kind -> touches(kind, table));
        return new Removal() {
            @Override
            public Dataset<Row> keepIncoming(Dataset<Row> rows) {
                return keep(table, rows, all);
            }

            @Override
            public Dataset<Row> keepStored(Dataset<Row> rows) {
                return touched ? keep(table, rows, fresh) : rows;
            }

            @Override
            public boolean touchesStored() {
                return touched;
            }
        };
    }

    /**
     * Whether a deletion of {@code kind} can remove rows of {@code table} (see the class comment):
     * a post deletion, posts (the post and reposts of it) and quarantined records keyed by it; a
     * follow deletion, follows only; an account deletion, its posts, follow edges, account row,
     * identity links and quarantined records keyed by it. A merge rewrites no stored segment of a
     * table that none of the batch's deletions touches.
     */
    static boolean touches(Deletion.Kind kind, Table table) {
        return switch (kind) {
            case POST -> table == Tables.Posts.TABLE || table == Tables.Quarantine.TABLE;
            case FOLLOW -> table == Tables.Follows.TABLE;
            case ACCOUNT -> table == Tables.Posts.TABLE || table == Tables.Follows.TABLE
                    || table == Tables.Accounts.TABLE || table == Tables.Identities.TABLE
                    || table == Tables.Quarantine.TABLE;
        };
    }

    /** The kinds of deletion {@code deletions} holds. */
    private static Set<Deletion.Kind> kinds(Dataset<Row> deletions) {
        Set<Deletion.Kind> kinds = EnumSet.noneOf(Deletion.Kind.class);
        for (Row r : deletions.select(col(Deletions.KIND)).distinct().collectAsList()) {
            for (Deletion.Kind kind : Deletion.Kind.values()) {
                if (kind.code().equals(r.getString(0))) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }

    /** The rows of {@code table} that none of {@code deletions} removes. */
    static Dataset<Row> keep(Table table, Dataset<Row> rows, Dataset<Row> deletions) {
        Dataset<Row> posts = ids(deletions, Deletion.Kind.POST, Deletions.POST_ID);
        Dataset<Row> accounts = ids(deletions, Deletion.Kind.ACCOUNT, Deletions.ACCOUNT_ID);
        if (table == Tables.Posts.TABLE) {
            rows = without(rows, posts, Tables.Posts.POST_ID);
            rows = without(rows, posts, Tables.Posts.REPOST_OF_POST_ID);
            rows = without(rows, accounts, Tables.Posts.AUTHOR_ID);
            return without(rows, accounts, Tables.Posts.REPOST_OF_AUTHOR_ID);
        }
        if (table == Tables.Follows.TABLE) {
            rows = without(rows, accounts, Tables.Follows.FOLLOWER_ID);
            rows = without(rows, accounts, Tables.Follows.FOLLOWEE_ID);
            // A follow deletion names the follow record, in the post id column.
            return without(rows, ids(deletions, Deletion.Kind.FOLLOW, Deletions.POST_ID), Tables.Follows.FOLLOW_ID);
        }
        if (table == Tables.Accounts.TABLE) {
            return without(rows, accounts, Tables.Accounts.ACCOUNT_ID);
        }
        if (table == Tables.Identities.TABLE) {
            return without(rows, accounts, Tables.Identities.ACCOUNT_ID);
        }
        if (table == Tables.Quarantine.TABLE) {
            Dataset<Row> keys = posts.union(accounts)
                    .select(matchableActor(concat(col(D_PLATFORM), lit(":"), col(D_ID))).as(D_ID))
                    .distinct();
            Column key = rows.col(Tables.Quarantine.KEY).cast("string");
            return rows.join(keys, matchableActor(key).equalTo(keys.col(D_ID)), "left_anti");
        }
        return rows;
    }

    /** (platform, id) of the deletions of one kind. */
    private static Dataset<Row> ids(Dataset<Row> deletions, Deletion.Kind kind, String idColumn) {
        return deletions.filter(col(Deletions.KIND).equalTo(kind.code()))
                .select(col(Tables.PLATFORM).as(D_PLATFORM), col(idColumn).as(D_ID))
                .distinct();
    }

    private static Dataset<Row> without(Dataset<Row> rows, Dataset<Row> ids, String column) {
        Column platform = rows.col(Tables.PLATFORM);
        Column match = platform.equalTo(ids.col(D_PLATFORM))
                .and(matchable(platform, rows.col(column)).equalTo(matchable(ids.col(D_PLATFORM), ids.col(D_ID))));
        return rows.join(ids, match, "left_anti");
    }

    /**
     * An id as deletions match it: Mastodon's user names are case-insensitive
     * ({@code GreenConnect@mastodon.social} is {@code greenconnect@mastodon.social}), so its ids
     * match whatever their case; other platforms' ids match exactly.
     */
    private static Column matchable(Column platform, Column id) {
        return when(platform.equalTo(Platforms.MASTODON), lower(id)).otherwise(id);
    }

    /** An actor id ({@code platform:id}) as deletions match it: see {@link #matchable(Column, Column)}. */
    public static Column matchableActor(Column actorId) {
        return matchable(substring_index(actorId, ":", 1), actorId);
    }
}
