package org.relais.analytics.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.relais.ingest.lake.DeletionRules;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.lake.Tables.Accounts;
import org.relais.ingest.lake.Tables.BlogLinks;
import org.relais.ingest.lake.Tables.Follows;
import org.relais.ingest.lake.Tables.Posts;
import org.relais.ingest.model.Platforms;

/**
 * Builds the interaction graph from the lake's canonical tables, in Spark: an edge A -> B for every
 * follow, repost, quote, reply, mention, share of a blog's article, and blog-to-blog link, with
 * the rules stated on {@link EdgeType}. Actors are {@code platform:id} ({@code twitter:123},
 * {@code blog:example.org}).
 *
 * <p>The methods only build Spark plans; nothing runs until the analyze job writes or collects.
 */
public final class InteractionGraph {

    public static final String SRC = "src";
    public static final String DST = "dst";
    public static final String TYPE = "type";
    public static final String COUNT = "count";
    public static final String WEIGHT = "weight";

    public static final String ACTOR_ID = "actor_id";
    public static final String PLATFORM = "platform";
    public static final String NAME = "name";

    /** Typed edges: one row per (src, dst, type) with the number of interactions and their weight. */
    public static final StructType EDGES_SCHEMA = new StructType()
            .add(SRC, DataTypes.StringType, false)
            .add(DST, DataTypes.StringType, false)
            .add(TYPE, DataTypes.StringType, false)
            .add(COUNT, DataTypes.LongType, false)
            .add(WEIGHT, DataTypes.DoubleType, false);

    private static final String TARGET = "target";
    private static final String STRENGTH = "strength";

    private InteractionGraph() {
    }

    /**
     * The lake tables the graph is built from.
     *
     * @param identities links between blogs and their authors' accounts (the identities table)
     * @param deletions what platforms said was deleted (the deletions table)
     */
    public record Sources(Dataset<Row> posts, Dataset<Row> accounts, Dataset<Row> follows, Dataset<Row> blogLinks,
            Dataset<Row> identities, Dataset<Row> deletions) {
    }

    /**
     * How the graph is built.
     *
     * @param blogPathPatterns the blog id path patterns ({@code relais.ingest.blog-path-patterns})
     *     that tell which blog a shared URL or a profile's website belongs to
     * @param mergeIdentities whether a blog and its author's accounts are one actor
     *     ({@code relais.graph.merge-identities})
     * @param profileLinks whether an account whose profile gives the address of a known blog is
     *     linked to that blog ({@code relais.graph.profile-links})
     */
    public record Options(List<String> blogPathPatterns, boolean mergeIdentities, boolean profileLinks) {

        public Options {
            blogPathPatterns = List.copyOf(blogPathPatterns);
        }

        public static Options from(org.relais.ingest.config.RelaisConfig config) {
            return new Options(config.strings("relais.ingest.blog-path-patterns"),
                    config.flag("relais.graph.merge-identities"), config.flag("relais.graph.profile-links"));
        }
    }

    public static final String ACCOUNT_ACTOR = "account_actor";
    public static final String BLOG_ACTOR = "blog_actor";
    public static final String LINK_SOURCE = "source";

    /** The identity links of a run ({@link #identityLinks}), as the lake keeps them. */
    public static final StructType IDENTITY_LINKS_SCHEMA = new StructType()
            .add(ACCOUNT_ACTOR, DataTypes.StringType, false)
            .add(BLOG_ACTOR, DataTypes.StringType, false)
            .add(LINK_SOURCE, DataTypes.StringType, false);

    /**
     * The graph's interactions: {@link #interactions} without those of deleted accounts, and with a
     * blog and its author's accounts made one actor (the blog) when {@link Options#mergeIdentities}
     * says so.
     */
    public static Dataset<Row> graphInteractions(Sources in, Options options) {
        Dataset<Row> rows = interactions(in, options);
        Dataset<Row> deleted = deletedActors(in);
        rows = withoutActors(withoutActors(rows, SRC, deleted), DST, deleted);
        if (options.mergeIdentities()) {
            Dataset<Row> links = identityLinks(in, options);
            rows = asBlog(asBlog(rows, SRC, links), DST, links).filter(col(SRC).notEqual(col(DST)));
        }
        return rows;
    }

    /**
     * The link of each account to one blog: from the identities table, and, when
     * {@link Options#profileLinks}, from the website on the account's profile when it is a known
     * blog (one that is the source of blog links, or that an identity list names). An account
     * linked to several blogs keeps the one a list names, else the first by id. Deleted accounts
     * have no link. Columns: {@value #ACCOUNT_ACTOR}, {@value #BLOG_ACTOR}, {@value #LINK_SOURCE}.
     */
    public static Dataset<Row> identityLinks(Sources in, Options options) {
        Dataset<Row> listed = in.identities().select(
                actor(col(Tables.PLATFORM), col(Tables.Identities.ACCOUNT_ID)).as(ACCOUNT_ACTOR),
                blog(col(Tables.Identities.BLOG_ID)).as(BLOG_ACTOR),
                lit(org.relais.ingest.model.Identity.IDENTITIES_CSV).as(LINK_SOURCE), lit(0).as("pref"));
        Dataset<Row> candidates = listed;
        if (options.profileLinks()) {
            UserDefinedFunction blogOf = udf(new BlogIdFunction(options.blogPathPatterns()), DataTypes.StringType);
            Dataset<Row> known = in.blogLinks().select(col(BlogLinks.SOURCE_BLOG).as("known_blog"))
                    .unionByName(in.identities().select(col(Tables.Identities.BLOG_ID).as("known_blog")))
                    .distinct();
            Dataset<Row> fromProfiles = in.accounts().filter(col(Accounts.PROFILE_URL).isNotNull())
                    .withColumn("profile_blog", blogOf.apply(col(Accounts.PROFILE_URL)))
                    .join(known, col("profile_blog").equalTo(col("known_blog")))
                    .select(actor(col(Tables.PLATFORM), col(Accounts.ACCOUNT_ID)).as(ACCOUNT_ACTOR),
                            blog(col("profile_blog")).as(BLOG_ACTOR),
                            lit(org.relais.ingest.model.Identity.PROFILE_URL).as(LINK_SOURCE), lit(1).as("pref"));
            candidates = candidates.unionByName(fromProfiles);
        }
        Dataset<Row> chosen = candidates
                .groupBy(col(ACCOUNT_ACTOR))
                .agg(org.apache.spark.sql.functions.min_by(
                        org.apache.spark.sql.functions.struct(col(BLOG_ACTOR), col(LINK_SOURCE)),
                        org.apache.spark.sql.functions.struct(col("pref"), col(BLOG_ACTOR))).as("link"))
                .select(col(ACCOUNT_ACTOR), col("link." + BLOG_ACTOR).as(BLOG_ACTOR),
                        col("link." + LINK_SOURCE).as(LINK_SOURCE));
        return withoutActors(chosen, ACCOUNT_ACTOR, deletedActors(in));
    }

    /** The actor ids of deleted accounts, in one column {@value #ACTOR_ID}. */
    public static Dataset<Row> deletedActors(Sources in) {
        return deletedActors(in.deletions());
    }

    /** The actor ids of the account deletions in {@code deletions} (the lake's deletions table). */
    public static Dataset<Row> deletedActors(Dataset<Row> deletions) {
        return deletions
                .filter(col(Tables.Deletions.KIND).equalTo(org.relais.ingest.model.Deletion.Kind.ACCOUNT.code()))
                .select(actor(col(Tables.PLATFORM), col(Tables.Deletions.ACCOUNT_ID)).as(ACTOR_ID))
                .distinct();
    }

    /**
     * {@code rows} without those whose {@code column} is one of {@code actors} (as
     * {@link #deletedActors} gives them), matched as deletions match ids
     * ({@link DeletionRules#matchableActor}).
     */
    public static Dataset<Row> withoutActors(Dataset<Row> rows, String column, Dataset<Row> actors) {
        return rows.join(actors, DeletionRules.matchableActor(rows.col(column))
                .equalTo(DeletionRules.matchableActor(actors.col(ACTOR_ID))), "left_anti");
    }

    /** Replaces the account ids in {@code column} by the id of their blog, where they have one. */
    private static Dataset<Row> asBlog(Dataset<Row> rows, String column, Dataset<Row> links) {
        Dataset<Row> map = links.select(col(ACCOUNT_ACTOR).as("_account"), col(BLOG_ACTOR).as("_blog"));
        return rows.join(map, rows.col(column).equalTo(map.col("_account")), "left")
                .withColumn(column, coalesce(col("_blog"), col(column)))
                .drop("_account", "_blog");
    }

    /**
     * Every interaction as a row {@code (src, dst, type)}, self-interactions left out. A post gives
     * at most one row per target account: its strongest kind of interaction with it.
     */
    public static Dataset<Row> interactions(Sources in, Options options) {
        Dataset<Row> posts = in.posts().filter(col(Posts.AUTHOR_ID).isNotNull());
        Column platform = col(Tables.PLATFORM);

        Dataset<Row> reposts = pointing(posts, Posts.REPOST_OF_AUTHOR_ID, EdgeType.REPOST);
        Dataset<Row> quotes = pointing(posts, Posts.QUOTE_OF_AUTHOR_ID, EdgeType.QUOTE);
        Dataset<Row> replies = pointing(posts, Posts.REPLY_TO_AUTHOR_ID, EdgeType.REPLY);
        Dataset<Row> mentions = mentions(posts, in.accounts());

        Dataset<Row> perPost = reposts.unionByName(quotes).unionByName(replies).unionByName(mentions)
                .groupBy(platform, col(Posts.POST_ID), col(Posts.AUTHOR_ID), col(TARGET))
                .agg(max_by(col(TYPE), col(STRENGTH)).as(TYPE))
                .select(actor(platform, col(Posts.AUTHOR_ID)).as(SRC), actor(platform, col(TARGET)).as(DST),
                        col(TYPE));

        Dataset<Row> shares = shares(posts, in.blogLinks(), options.blogPathPatterns());
        Dataset<Row> follows = in.follows().select(
                actor(col(Tables.PLATFORM), col(Follows.FOLLOWER_ID)).as(SRC),
                actor(col(Tables.PLATFORM), col(Follows.FOLLOWEE_ID)).as(DST),
                lit(EdgeType.FOLLOW.code()).as(TYPE));
        Dataset<Row> links = in.blogLinks().select(
                blog(col(BlogLinks.SOURCE_BLOG)).as(SRC), blog(col(BlogLinks.TARGET_BLOG)).as(DST),
                lit(EdgeType.BLOG_LINK.code()).as(TYPE));

        return perPost.unionByName(shares).unionByName(follows).unionByName(links)
                .filter(col(SRC).notEqual(col(DST)));
    }

    /**
     * Interactions counted per (src, dst, type), each weighted by its type's weight. The interactions
     * of a type of weight 0 are left out, so that every typed edge, and every edge of the graph,
     * weighs more than 0: such a type is not in the edges table, the graph, the explanations, nor
     * in the counts of what an actor received.
     */
    public static Dataset<Row> typedEdges(Dataset<Row> interactions, TypeWeights weights) {
        Column weight = lit(0.0);
        for (EdgeType t : weights.included()) {
            weight = when(col(TYPE).equalTo(t.code()), lit(weights.of(t))).otherwise(weight);
        }
        // The count stays what was observed; with a cap, only that many interactions weigh.
        Column counted = weights.maxRepeats() > 0 ? org.apache.spark.sql.functions.least(col(COUNT),
                lit(weights.maxRepeats())) : col(COUNT);
        return interactions.filter(col(TYPE).isin(weights.included().stream().map(EdgeType::code).toArray()))
                .groupBy(col(SRC), col(DST), col(TYPE))
                .agg(count(lit(1)).as(COUNT))
                .withColumn(WEIGHT, counted.multiply(weight));
    }

    /** The graph's edges: typed edges summed per (src, dst). */
    public static Dataset<Row> edges(Dataset<Row> typedEdges) {
        return typedEdges.groupBy(col(SRC), col(DST))
                .agg(org.apache.spark.sql.functions.sum(col(WEIGHT)).as(WEIGHT));
    }

    /**
     * Every actor: each endpoint of an edge, each author of a post and each blog that is the
     * source of a link (deleted accounts left out, accounts merged into their blog when the
     * options say so), with its platform and a readable name (the account's latest handle, else
     * the handle on its latest post, else its id; a blog's id).
     *
     * @param interactions the graph's edges, as rows with {@value #SRC} and {@value #DST}: the
     *     interactions from {@link #graphInteractions}, or the {@link #typedEdges} that keep only
     *     the types in the graph
     */
    public static Dataset<Row> actors(Sources in, Options options, Dataset<Row> interactions) {
        Dataset<Row> authors = withoutActors(in.posts().filter(col(Posts.AUTHOR_ID).isNotNull())
                .select(actor(col(Tables.PLATFORM), col(Posts.AUTHOR_ID)).as(ACTOR_ID)), ACTOR_ID, deletedActors(in));
        if (options.mergeIdentities()) {
            authors = asBlog(authors, ACTOR_ID, identityLinks(in, options));
        }
        Dataset<Row> ids = interactions.select(col(SRC).as(ACTOR_ID))
                .unionByName(interactions.select(col(DST).as(ACTOR_ID)))
                .unionByName(authors)
                .unionByName(in.blogLinks().select(blog(col(BlogLinks.SOURCE_BLOG)).as(ACTOR_ID)))
                .distinct();

        Dataset<Row> accountHandles = in.accounts().filter(col(Accounts.HANDLE).isNotNull())
                .select(actor(col(Tables.PLATFORM), col(Accounts.ACCOUNT_ID)).as(ACTOR_ID),
                        col(Accounts.HANDLE).as("account_handle"));
        Dataset<Row> postHandles = in.posts().filter(col(Posts.AUTHOR_HANDLE).isNotNull())
                .groupBy(actor(col(Tables.PLATFORM), col(Posts.AUTHOR_ID)).as(ACTOR_ID))
                .agg(max_by(col(Posts.AUTHOR_HANDLE), col(Posts.CREATED_AT)).as("post_handle"));

        Column platform = expr("substring_index(" + ACTOR_ID + ", ':', 1)");
        Column nativeId = expr("substring(" + ACTOR_ID + ", length(substring_index(" + ACTOR_ID + ", ':', 1)) + 2)");
        return ids.join(accountHandles, ACTOR_ID, "left")
                .join(postHandles, ACTOR_ID, "left")
                .select(col(ACTOR_ID), platform.as(PLATFORM),
                        coalesce(col("account_handle"), col("post_handle"), nativeId).as(NAME));
    }

    /**
     * The actor id {@code platform:id} ({@code twitter:123}): the one place actor ids are built, so
     * that every table names an actor the same way.
     */
    public static Column actor(Column platform, Column id) {
        return concat(platform, lit(":"), id);
    }

    /** The actor id of a blog: {@code blog:id}. */
    public static Column blog(Column blogId) {
        return actor(lit(Platforms.BLOG), blogId);
    }

    private static Dataset<Row> pointing(Dataset<Row> posts, String targetColumn, EdgeType type) {
        return posts.filter(col(targetColumn).isNotNull())
                .select(col(Tables.PLATFORM), col(Posts.POST_ID), col(Posts.AUTHOR_ID), col(targetColumn).as(TARGET),
                        lit(type.code()).as(TYPE), lit(type.strength()).as(STRENGTH));
    }

    /**
     * Mentions, for posts that are not reposts. A mention known only by its handle is resolved
     * through the accounts table (same platform, handle compared case-insensitively). Handles are
     * reused: when several accounts are stored with the same handle, the one observed with it most
     * recently is meant (an account never observed counts as the oldest; on equal times, the
     * greatest account id), since the others have most likely changed handle since.
     */
    private static Dataset<Row> mentions(Dataset<Row> posts, Dataset<Row> accounts) {
        Dataset<Row> exploded = posts.filter(col(Posts.REPOST_OF_POST_ID).isNull())
                .select(col(Tables.PLATFORM), col(Posts.POST_ID), col(Posts.AUTHOR_ID),
                        explode(col(Posts.MENTIONS)).as("m"))
                .select(col(Tables.PLATFORM), col(Posts.POST_ID), col(Posts.AUTHOR_ID),
                        col("m." + Posts.MENTION_ACCOUNT_ID).as("mention_id"),
                        lower(col("m." + Posts.MENTION_HANDLE)).as("mention_handle"));
        Dataset<Row> byHandle = accounts.filter(col(Accounts.HANDLE).isNotNull())
                .groupBy(col(Tables.PLATFORM).as("h_platform"), lower(col(Accounts.HANDLE)).as("h_handle"))
                .agg(max_by(col(Accounts.ACCOUNT_ID), struct(col(Accounts.OBSERVED_AT), col(Accounts.ACCOUNT_ID)))
                        .as("h_id"));
        return exploded.join(byHandle, col("mention_id").isNull()
                        .and(col(Tables.PLATFORM).equalTo(col("h_platform")))
                        .and(col("mention_handle").equalTo(col("h_handle"))), "left")
                .select(col(Tables.PLATFORM), col(Posts.POST_ID), col(Posts.AUTHOR_ID),
                        coalesce(col("mention_id"), col("h_id")).as(TARGET),
                        lit(EdgeType.MENTION.code()).as(TYPE), lit(EdgeType.MENTION.strength()).as(STRENGTH))
                .filter(col(TARGET).isNotNull());
    }

    /** A post linking to an article of a known blog (one that is the source of some link). */
    private static Dataset<Row> shares(Dataset<Row> posts, Dataset<Row> blogLinks, List<String> blogPathPatterns) {
        UserDefinedFunction blogOf = udf(new BlogIdFunction(blogPathPatterns), DataTypes.StringType);
        Dataset<Row> knownBlogs = blogLinks.select(col(BlogLinks.SOURCE_BLOG).as("known_blog")).distinct();
        return posts.select(col(Tables.PLATFORM), col(Posts.POST_ID), col(Posts.AUTHOR_ID),
                        explode(col(Posts.URLS)).as("url"))
                .withColumn("shared_blog", blogOf.apply(col("url")))
                .join(knownBlogs, col("shared_blog").equalTo(col("known_blog")))
                .select(col(Tables.PLATFORM), col(Posts.POST_ID), col(Posts.AUTHOR_ID), col("shared_blog"))
                .distinct()
                .select(actor(col(Tables.PLATFORM), col(Posts.AUTHOR_ID)).as(SRC), blog(col("shared_blog")).as(DST),
                        lit(EdgeType.SHARE.code()).as(TYPE));
    }
}
