package org.relais.reports.campaign;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.transform;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.relais.analytics.ScoreTable;
import org.relais.analytics.job.InteractionGraph;
import org.relais.ingest.format.BlogIds;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.lake.Tables.Accounts;
import org.relais.ingest.lake.Tables.Posts;
import org.relais.ingest.model.Platforms;
import org.relais.ingest.util.Printable;
import org.relais.reports.CsvTable;
import org.relais.reports.CsvTable.Kind;
import org.relais.reports.RankingTable;
import org.relais.reports.tables.ReportInputs;

/**
 * {@code campaign_targets.csv}: the public actors a campaign may contact, in a file its CRM loads
 * as it is. An actor is listed only when all of these hold:
 * <ul>
 *   <li>it is public: a blog (when blogs are included), or an account whose latest observation in
 *       the lake says it is not protected; an account the lake knows nothing of, or whose
 *       {@code protected} flag is unknown, is left out;
 *   <li>it is ranked within {@link CampaignSettings#maxRank()} and reaches the thresholds (Relais
 *       score, and for accounts the follower count their platform reports);
 *   <li>it is not on the suppression list.
 * </ul>
 * The file is never pseudonymised: a campaign needs the real handles. It is not copied to the
 * lake either: it is a contact list, kept only as long as the run's report directory.
 */
public final class CampaignTargets {

    public static final String FILE = "campaign_targets.csv";

    /** NationBuilder's standard import fields, in this order. */
    public static final List<String> NATIONBUILDER_HEADER = List.of(
            "external_id", "first_name", "last_name", "twitter_login", "twitter_id", "website", "tag_list", "note");

    public static final List<String> GENERIC_HEADER = List.of(
            "id", "platform", "handle", "name", "profile_url", "rank", "relais_score", "pagerank", "community", "tags");

    /** Longest {@code relais-topic-*} tag kept from a hashtag, in characters after the prefix. */
    static final int MAX_TOPIC_LENGTH = 40;

    private static final String HANDLE = "c_handle";
    private static final String DISPLAY_NAME = "c_display_name";
    private static final String WEBSITE = "c_website";
    private static final String FOLLOWERS_COUNT = "c_followers_count";
    private static final String PROTECTED = "c_protected";
    private static final String ACCOUNT_ACTOR = "c_account_actor";
    private static final String TAG = "tag";
    private static final String USES = "uses";

    private CampaignTargets() {
    }

    /** One listed actor, with what the file says of it. */
    public record Target(String actorId, String platform, String nativeId, String handle, String displayName,
            String website, Long followersCount, int rank, double pagerank, Double relaisScore, Integer community,
            List<String> topics) {
    }

    /**
     * The actors that are public and reach the thresholds, best ranked first, with their top
     * hashtags; the suppression list is not applied yet (see {@link #select}).
     */
    public static Dataset<Row> candidates(Dataset<Row> rankings, Dataset<Row> accounts, CampaignSettings settings) {
        Dataset<Row> acc = accounts.select(
                InteractionGraph.actor(col(Tables.PLATFORM), col(Accounts.ACCOUNT_ID)).as(ACCOUNT_ACTOR),
                col(Accounts.HANDLE).as(HANDLE), col(Accounts.DISPLAY_NAME).as(DISPLAY_NAME),
                col(Accounts.PROFILE_URL).as(WEBSITE), col(Accounts.FOLLOWERS_COUNT).as(FOLLOWERS_COUNT),
                col(Accounts.PROTECTED).as(PROTECTED));
        Column blog = col(ScoreTable.PLATFORM).equalTo(Platforms.BLOG);
        // Unknown counts as protected: only a recorded "not protected" lets an account through.
        Column publicAccount = coalesce(col(PROTECTED), lit(true)).equalTo(false);
        Column isPublic = blog.and(lit(settings.includeBlogs())).or(not(blog).and(publicAccount));
        Column scoreOk = settings.minRelaisScore() <= 0 ? lit(true)
                : coalesce(col(ScoreTable.RELAIS_SCORE).geq(settings.minRelaisScore()), lit(false));
        Column followersOk = settings.minFollowers() <= 0 ? lit(true)
                : blog.or(coalesce(col(FOLLOWERS_COUNT).geq(settings.minFollowers()), lit(false)));
        return rankings.filter(col(RankingTable.RANK).leq(settings.maxRank()))
                .join(acc, col(ScoreTable.ACTOR_ID).equalTo(col(ACCOUNT_ACTOR)), "left")
                .filter(isPublic.and(scoreOk).and(followersOk))
                .select(col(ScoreTable.ACTOR_ID), col(ScoreTable.PLATFORM), col(ScoreTable.LABEL),
                        col(RankingTable.RANK), col(ScoreTable.PAGERANK), col(ScoreTable.RELAIS_SCORE),
                        col(ScoreTable.COMMUNITY), col(HANDLE), col(DISPLAY_NAME), col(WEBSITE), col(FOLLOWERS_COUNT));
    }

    /**
     * The {@code limit} most used hashtags (lower case; a post counts once per hashtag) of each of
     * {@code actors}: rows {@code actor_id, tag, uses}, best first within each actor. Only the posts
     * of accounts the lake knows to be public count: a blog's topics never come from a protected
     * account merged into it.
     */
    static Dataset<Row> topHashtags(Dataset<Row> posts, Dataset<Row> accounts, Dataset<Row> actors,
            Dataset<Row> identityLinks, Dataset<Row> rankings, int limit) {
        Dataset<Row> publicAuthors = accounts.filter(coalesce(col(Accounts.PROTECTED), lit(true)).equalTo(false))
                .select(col(Tables.PLATFORM), col(Accounts.ACCOUNT_ID).as(Posts.AUTHOR_ID));
        Dataset<Row> byAuthor = posts.filter(col(Posts.AUTHOR_ID).isNotNull().and(col(Posts.HASHTAGS).isNotNull()))
                .join(publicAuthors, new String[] {Tables.PLATFORM, Posts.AUTHOR_ID}, "left_semi")
                .select(ReportInputs.author().as(ScoreTable.ACTOR_ID), col(Posts.HASHTAGS));
        Dataset<Row> tags = ReportInputs.asRanked(byAuthor, ScoreTable.ACTOR_ID, identityLinks, rankings)
                .select(col(ScoreTable.ACTOR_ID),
                        explode(array_distinct(transform(col(Posts.HASHTAGS), h -> lower(h)))).as(TAG))
                .join(actors.select(ScoreTable.ACTOR_ID), ScoreTable.ACTOR_ID, "left_semi")
                .groupBy(ScoreTable.ACTOR_ID, TAG).agg(count(lit(1)).as(USES));
        return tags.withColumn("n", row_number().over(Window.partitionBy(ScoreTable.ACTOR_ID)
                        .orderBy(col(USES).desc(), col(TAG).asc())))
                .filter(col("n").leq(limit))
                .orderBy(col(ScoreTable.ACTOR_ID), col("n"))
                .select(ScoreTable.ACTOR_ID, TAG, USES);
    }

    /**
     * The actors to write, best ranked first: the candidates that are not on the suppression list,
     * with their topics.
     */
    public static List<Target> select(Dataset<Row> rankings, Dataset<Row> accounts, Dataset<Row> posts,
            Dataset<Row> identityLinks, CampaignSettings settings) {
        Dataset<Row> candidates = candidates(rankings, accounts, settings).cache();
        try {
            Map<String, List<String>> topics = new HashMap<>();
            if (settings.topicTags() > 0) {
                for (Row r : topHashtags(posts, accounts, candidates, identityLinks, rankings, settings.topicTags())
                        .collectAsList()) {
                    topics.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
                }
            }
            List<Target> targets = new ArrayList<>();
            for (Row r : candidates.orderBy(col(RankingTable.RANK)).collectAsList()) {
                String actorId = r.getAs(ScoreTable.ACTOR_ID);
                String platform = r.getAs(ScoreTable.PLATFORM);
                String nativeId = actorId.substring(actorId.indexOf(':') + 1);
                String handle = r.getAs(HANDLE);
                String name = r.getAs(ScoreTable.LABEL);
                if (handle == null && !Platforms.BLOG.equals(platform) && name != null && !name.equals(nativeId)) {
                    handle = name;
                }
                Target t = new Target(actorId, platform, nativeId, handle, r.getAs(DISPLAY_NAME), r.getAs(WEBSITE),
                        r.getAs(FOLLOWERS_COUNT), r.<Integer>getAs(RankingTable.RANK), r.<Double>getAs(ScoreTable.PAGERANK),
                        r.getAs(ScoreTable.RELAIS_SCORE), r.getAs(ScoreTable.COMMUNITY),
                        List.copyOf(topics.getOrDefault(actorId, List.of())));
                if (!settings.suppression().suppresses(asSuppressible(t))) {
                    targets.add(t);
                }
            }
            return targets;
        } finally {
            candidates.unpersist();
        }
    }

    /** Writes {@code targets} in {@code settings.format()}; returns the rows written. */
    public static long write(Path file, List<Target> targets, CampaignSettings settings, String runDate)
            throws IOException {
        CsvTable table;
        List<List<?>> rows = new ArrayList<>(targets.size());
        if (settings.format() == CampaignFormat.NATIONBUILDER) {
            table = new CsvTable(NATIONBUILDER_HEADER.stream().map(h -> new CsvTable.Column(h, Kind.TEXT)).toList());
            for (Target t : targets) {
                String[] names = personNames(t);
                boolean twitter = Platforms.TWITTER.equals(t.platform());
                rows.add(java.util.Arrays.asList(t.actorId(), names[0], names[1], twitter ? t.handle() : null,
                        twitter ? t.nativeId() : null, profilePage(t), String.join(",", tags(t)), note(t, runDate)));
            }
        } else {
            List<CsvTable.Column> columns = new ArrayList<>();
            for (String h : GENERIC_HEADER) {
                boolean number = h.equals("rank") || h.equals("relais_score") || h.equals("pagerank")
                        || h.equals("community");
                columns.add(new CsvTable.Column(h, number ? Kind.NUMBER : h.equals("platform") ? Kind.CODE : Kind.TEXT));
            }
            table = new CsvTable(columns);
            for (Target t : targets) {
                rows.add(java.util.Arrays.asList(t.actorId(), t.platform(), t.handle(), displayName(t), profilePage(t),
                        t.rank(), t.relaisScore(), t.pagerank(), t.community(), String.join(";", tags(t))));
            }
        }
        Iterator<List<?>> it = rows.iterator();
        table.write(file, it);
        return rows.size();
    }

    /**
     * The actor's page on its platform, or a blog's address; else its own web site; else null. Only
     * a plain http(s) link comes out: a CRM shows it as the person's link, so a {@code javascript:}
     * URL, a handle that names a path on another host, or a control character must not.
     */
    static String profilePage(Target t) {
        String page = platformPage(t.platform(), t.nativeId(), t.handle());
        return webLink(page != null ? page : t.website());
    }

    /** A host name as a Mastodon handle's instance must be: labels and dots, nothing else. */
    private static final Pattern INSTANCE = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");

    private static String platformPage(String platform, String nativeId, String handle) {
        switch (platform) {
            case Platforms.TWITTER:
                return handle != null ? "https://x.com/" + segment(handle) : "https://x.com/i/user/" + segment(nativeId);
            case Platforms.BLUESKY:
                return "https://bsky.app/profile/" + segment(handle != null ? handle : nativeId);
            case Platforms.MASTODON: {
                String h = handle == null ? null : handle.startsWith("@") ? handle.substring(1) : handle;
                int at = h == null ? -1 : h.indexOf('@');
                return at > 0 && INSTANCE.matcher(h.substring(at + 1)).matches()
                        ? "https://" + h.substring(at + 1) + "/@" + segment(h.substring(0, at)) : null;
            }
            case Platforms.BLOG:
                return "https://" + nativeId;
            default:
                return null;
        }
    }

    /** {@code url} when it is an http(s) URL with a host and no space or control character; else null. */
    private static String webLink(String url) {
        return url != null && BlogIds.host(url) != null && Printable.isSafe(url)
                && url.chars().noneMatch(Character::isWhitespace) ? url : null;
    }

    /** What the suppression list can match for {@code t}: ids, handle, every URL naming it. */
    static SuppressionList.Actor asSuppressible(Target t) {
        List<String> urls = new ArrayList<>();
        urls.add(platformPage(t.platform(), t.nativeId(), t.handle()));
        if (Platforms.TWITTER.equals(t.platform())) {
            urls.add("https://x.com/i/user/" + t.nativeId());
            urls.add("https://twitter.com/i/user/" + t.nativeId());
            if (t.handle() != null) {
                urls.add("https://twitter.com/" + t.handle());
                urls.add("https://x.com/" + t.handle());
            }
        }
        if (Platforms.BLUESKY.equals(t.platform())) {
            urls.add("https://bsky.app/profile/" + t.nativeId());
        }
        urls.add(t.website());
        return new SuppressionList.Actor(t.actorId(), t.platform(), t.nativeId(), t.handle(), urls);
    }

    /**
     * NationBuilder needs a first and a last name for people identified otherwise than by e-mail.
     * The display name (else the handle, else the id) is split at its last space; a one-word name
     * keeps the platform as last name, so that {@code CourrierRep} reads "CourrierRep Twitter".
     */
    static String[] personNames(Target t) {
        String full = visible(displayName(t));
        int space = full.lastIndexOf(' ');
        if (space > 0) {
            return new String[] {full.substring(0, space), full.substring(space + 1)};
        }
        String platform = t.platform().isEmpty() ? t.platform()
                : t.platform().substring(0, 1).toUpperCase(Locale.ROOT) + t.platform().substring(1);
        return new String[] {full, platform};
    }

    private static String displayName(Target t) {
        if (t.displayName() != null && !visible(t.displayName()).replaceAll("\\p{Cf}", "").isEmpty()) {
            return t.displayName();
        }
        return t.handle() != null ? t.handle() : t.nativeId();
    }

    /**
     * {@code name} without the invisible characters that only steer its display (direction marks
     * and embeddings, zero-width spaces, byte-order marks; the joiners that shape Persian or emoji
     * stay), every run of spaces of any kind (a non-breaking space too) as one space, stripped.
     */
    static String visible(String name) {
        return name.replaceAll("[\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]", "")
                .replaceAll("[\\p{Z}\\s]+", " ").strip();
    }

    /**
     * The rank band ({@code relais-top10}, {@code relais-top50}, {@code relais-top100}: the
     * narrowest that holds the rank), {@code relais-community-<id>}, and {@code relais-topic-<tag>}
     * for the actor's top hashtags, reduced to letters, digits and underscores.
     */
    static List<String> tags(Target t) {
        Set<String> tags = new LinkedHashSet<>();
        if (t.rank() <= 10) {
            tags.add("relais-top10");
        } else if (t.rank() <= 50) {
            tags.add("relais-top50");
        } else if (t.rank() <= 100) {
            tags.add("relais-top100");
        }
        if (t.community() != null) {
            tags.add("relais-community-" + t.community());
        }
        for (String topic : t.topics()) {
            String clean = topicTag(topic);
            if (!clean.isEmpty()) {
                tags.add("relais-topic-" + clean);
            }
        }
        return List.copyOf(tags);
    }

    static String topicTag(String hashtag) {
        StringBuilder sb = new StringBuilder();
        hashtag.toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> Character.isLetterOrDigit(c) || c == '_')
                .limit(MAX_TOPIC_LENGTH)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    static String note(Target t, String runDate) {
        StringBuilder sb = new StringBuilder("Relais ").append(runDate).append(": rank ").append(t.rank())
                .append(", PageRank ").append(plain(t.pagerank()));
        if (t.relaisScore() != null) {
            sb.append(", Relais score ").append(plain(t.relaisScore()));
        }
        if (t.community() != null) {
            sb.append(", community ").append(t.community());
        }
        if (t.followersCount() != null) {
            sb.append(", followers ").append(t.followersCount());
        }
        return sb.toString();
    }

    private static String plain(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
