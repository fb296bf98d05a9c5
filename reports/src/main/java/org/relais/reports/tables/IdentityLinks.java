package org.relais.reports.tables;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.relais.analytics.job.InteractionGraph;
import org.relais.ingest.lake.Tables;

/**
 * {@code identity_links.csv}: which accounts were linked to which blog in this run, and why (an
 * identity list, or the website on the account's profile). With {@code relais.graph.merge-identities}
 * on, each of these accounts counted as its blog; either way the links are reported, so that a
 * reader can check them. With pseudonymisation on, the file is not written: a pseudonym beside the
 * public blog of the same person would name the account.
 */
public final class IdentityLinks {

    public static final String FILE = "identity_links.csv";

    public static final String ACCOUNT_ID = "account_id";
    public static final String ACCOUNT_NAME = "account_name";
    public static final String BLOG_ID = "blog_id";
    public static final String SOURCE = "source";

    public static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.actorId(ACCOUNT_ID),
            ReportColumn.actorName(ACCOUNT_NAME, ACCOUNT_ID),
            ReportColumn.code(BLOG_ID),
            ReportColumn.code(SOURCE));

    private IdentityLinks() {
    }

    /** The links with the accounts' handles, ordered by blog, then account. */
    public static Dataset<Row> build(Dataset<Row> links, Dataset<Row> accounts) {
        Dataset<Row> handles = accounts.select(
                InteractionGraph.actor(col(Tables.PLATFORM), col(Tables.Accounts.ACCOUNT_ID)).as("h_actor"),
                col(Tables.Accounts.HANDLE).as("h_handle"));
        Dataset<Row> named = links.join(handles, col(InteractionGraph.ACCOUNT_ACTOR).equalTo(col("h_actor")), "left")
                .select(col(InteractionGraph.ACCOUNT_ACTOR).as(ACCOUNT_ID),
                        coalesce(col("h_handle"), col(InteractionGraph.ACCOUNT_ACTOR)).as(ACCOUNT_NAME),
                        col(InteractionGraph.BLOG_ACTOR).as(BLOG_ID),
                        col(InteractionGraph.LINK_SOURCE).as(SOURCE));
        return ReportCsv.select(named, COLUMNS).orderBy(col(BLOG_ID), col(ACCOUNT_ID));
    }
}
