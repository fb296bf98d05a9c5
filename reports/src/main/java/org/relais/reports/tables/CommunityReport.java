package org.relais.reports.tables;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.relais.analytics.CommunityTable;
import org.relais.analytics.ScoreTable;
import org.relais.analytics.job.InteractionGraph;
import org.relais.ingest.format.BlogIds;
import org.relais.ingest.lake.Tables;
import org.relais.ingest.lake.Tables.BlogLinks;
import org.relais.ingest.lake.Tables.Posts;
import org.relais.reports.RankingTable;

/**
 * {@code communities.csv} and the lake table {@code community_report}: each community of the run
 * with what a person needs to name it: its size, its share of the modularity and of the PageRank
 * mass, its top members, the hashtags its members use most and the sites they cite most.
 * The community list comes from the analytics table {@code communities}; a run without one has no
 * rows here.
 */
public final class CommunityReport {

    public static final String NAME = "community_report";
    public static final String FILE = "communities.csv";

    public static final String TOP_MEMBERS = "top_members";
    public static final String TOP_HASHTAGS = "top_hashtags";
    public static final String TOP_DOMAINS = "top_domains";
    /** Appended after the agreed columns: the actor ids of {@code top_members}, in the same order. */
    public static final String TOP_MEMBER_IDS = "top_member_ids";

    /** Members, hashtags and domains listed per community. */
    public static final int TOP = CommunityTable.TOP_MEMBER_COUNT;

    public static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.integer(CommunityTable.COMMUNITY),
            ReportColumn.integer(CommunityTable.SIZE),
            ReportColumn.decimal(CommunityTable.MODULARITY_SHARE),
            ReportColumn.decimal(CommunityTable.PAGERANK_MASS),
            ReportColumn.actorNames(TOP_MEMBERS, TOP_MEMBER_IDS),
            ReportColumn.textList(TOP_HASHTAGS),
            ReportColumn.textList(TOP_DOMAINS),
            ReportColumn.actorIds(TOP_MEMBER_IDS));

    public static final StructType SCHEMA = ReportCsv.schema(COLUMNS);

    private static final String ITEM = "item";
    private static final String USES = "uses";
    private static final String N = "n";

    private CommunityReport() {
    }

    /**
     * One row per community of {@code communities}, by community id.
     *
     * @param rankings the run's ranking: who belongs to which community, and their PageRank
     * @param posts the lake's posts: hashtags and cited URLs, by author (the blog an author's
     *     account was merged into, see {@link ReportInputs#asRanked})
     * @param blogLinks the lake's blog links: blogs cited by blogs
     * @param identityLinks the run's links of accounts to blogs
     * @param excludedDomains hosts never listed in {@code top_domains} (and their sub-domains):
     *     the platforms' own hosts, which links to posts would put first everywhere
     */
    public static Dataset<Row> build(Dataset<Row> communities, Dataset<Row> rankings, Dataset<Row> posts,
            Dataset<Row> blogLinks, Dataset<Row> identityLinks, List<String> excludedDomains) {
        Dataset<Row> members = rankings.filter(col(ScoreTable.COMMUNITY).isNotNull())
                .select(col(ScoreTable.ACTOR_ID).as("m_actor"), col(ScoreTable.COMMUNITY).as("m_community"),
                        col(RankingTable.RANK).as("m_rank"),
                        coalesce(col(ScoreTable.LABEL), expr("substring(" + ScoreTable.ACTOR_ID + ", instr(" + ScoreTable.ACTOR_ID + ", ':') + 1)"))
                                .as("m_name"));

        Dataset<Row> topMembers = members
                .withColumn(N, row_number().over(Window.partitionBy(col("m_community")).orderBy(col("m_rank"))))
                .filter(col(N).leq(TOP))
                .groupBy(col("m_community").as("tm_community"))
                .agg(sort_array(collect_list(struct(col(N), col("m_name"), col("m_actor")))).as("tm"))
                .select(col("tm_community"),
                        transform(col("tm"), x -> x.getField("m_name")).as(TOP_MEMBERS),
                        transform(col("tm"), x -> x.getField("m_actor")).as(TOP_MEMBER_IDS));

        Dataset<Row> authored = ReportInputs.asRanked(posts.filter(col(Posts.AUTHOR_ID).isNotNull())
                .withColumn("actor", ReportInputs.author()), "actor", identityLinks, rankings);
        Column author = col("actor");
        Dataset<Row> hashtags = authored.filter(col(Posts.HASHTAGS).isNotNull())
                .select(author.as("actor"), explode(array_distinct(transform(col(Posts.HASHTAGS), h -> lower(h))))
                        .as(ITEM));
        Dataset<Row> hashtagsTop = top(inCommunity(hashtags, members), "th_community", TOP_HASHTAGS);

        UserDefinedFunction host = udf((UDF1<String, String>) BlogIds::host, DataTypes.StringType);
        Dataset<Row> postDomains = authored.filter(col(Posts.URLS).isNotNull())
                .select(author.as("actor"), explode(array_distinct(col(Posts.URLS))).as("url"))
                .select(col("actor"), host.apply(col("url")).as(ITEM));
        Dataset<Row> linkedBlogs = blogLinks
                .select(InteractionGraph.blog(col(BlogLinks.SOURCE_BLOG)).as("actor"),
                        col(BlogLinks.TARGET_BLOG).as(ITEM));
        Dataset<Row> domains = postDomains.unionByName(linkedBlogs).filter(col(ITEM).isNotNull());
        for (String excluded : excludedDomains) {
            String d = excluded.strip().toLowerCase(Locale.ROOT);
            if (!d.isEmpty()) {
                domains = domains.filter(col(ITEM).notEqual(d).and(not(col(ITEM).endsWith("." + d))));
            }
        }
        Dataset<Row> domainsTop = top(inCommunity(domains, members), "td_community", TOP_DOMAINS);

        // The analytics table's own top_members are actor ids; the ones here come from the ranking.
        Dataset<Row> out = communities.drop(CommunityTable.TOP_MEMBERS)
                .join(topMembers, col(CommunityTable.COMMUNITY).equalTo(col("tm_community")), "left")
                .join(hashtagsTop, col(CommunityTable.COMMUNITY).equalTo(col("th_community")), "left")
                .join(domainsTop, col(CommunityTable.COMMUNITY).equalTo(col("td_community")), "left")
                .withColumn(TOP_MEMBERS, coalesce(col(TOP_MEMBERS), expr("array()")))
                .withColumn(TOP_MEMBER_IDS, coalesce(col(TOP_MEMBER_IDS), expr("array()")))
                .withColumn(TOP_HASHTAGS, coalesce(col(TOP_HASHTAGS), expr("array()")))
                .withColumn(TOP_DOMAINS, coalesce(col(TOP_DOMAINS), expr("array()")));
        return ReportCsv.select(out, COLUMNS);
    }

    /** The written order: by community id. */
    public static Dataset<Row> ordered(Dataset<Row> table) {
        return table.orderBy(col(CommunityTable.COMMUNITY));
    }

    /** {@code (actor, item)} rows counted per {@code (community, item)}. */
    private static Dataset<Row> inCommunity(Dataset<Row> items, Dataset<Row> members) {
        return items.join(members, col("actor").equalTo(col("m_actor")))
                .groupBy(col("m_community"), col(ITEM)).agg(count(lit(1)).as(USES));
    }

    /** The {@value #TOP} most counted items per community, most first, ties alphabetically. */
    private static Dataset<Row> top(Dataset<Row> counted, String communityColumn, String listColumn) {
        return counted
                .withColumn(N, row_number().over(Window.partitionBy(col("m_community"))
                        .orderBy(col(USES).desc(), col(ITEM).asc())))
                .filter(col(N).leq(TOP))
                .groupBy(col("m_community").as(communityColumn))
                .agg(sort_array(collect_list(struct(col(N), col(ITEM)))).as("l"))
                .select(col(communityColumn), transform(col("l"), x -> x.getField(ITEM)).as(listColumn));
    }
}
