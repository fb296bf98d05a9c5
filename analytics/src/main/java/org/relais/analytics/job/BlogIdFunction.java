package org.relais.analytics.job;

import java.util.List;
import org.apache.spark.sql.api.java.UDF1;
import org.relais.ingest.format.BlogIds;

/** The blog id of a URL as a Spark function, with the configured path patterns. */
final class BlogIdFunction implements UDF1<String, String> {

    private static final long serialVersionUID = 1L;

    private final List<String> pathPatterns;
    /** Built once per executor from the patterns; not shipped with the function. */
    private transient BlogIds blogIds;

    BlogIdFunction(List<String> pathPatterns) {
        this.pathPatterns = List.copyOf(pathPatterns);
    }

    @Override
    public String call(String url) {
        if (blogIds == null) {
            blogIds = BlogIds.withPathPatterns(pathPatterns);
        }
        return url == null ? null : blogIds.fromUrl(url);
    }
}
