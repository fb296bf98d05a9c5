package org.relais.ingest.model;

import java.util.List;

/** The platform names used in every table and actor id. */
public final class Platforms {

    public static final String TWITTER = "twitter";
    public static final String BLUESKY = "bluesky";
    public static final String MASTODON = "mastodon";
    /** Blogs and other web sites, identified by {@link org.relais.ingest.format.BlogIds}. */
    public static final String BLOG = "blog";

    public static final List<String> ALL = List.of(TWITTER, BLUESKY, MASTODON, BLOG);

    private Platforms() {
    }

    /**
     * The id of an actor in the graph and in every report: {@code platform:nativeId}, for example
     * {@code twitter:12345} or {@code blog:example.org}.
     */
    public static String actorId(String platform, String nativeId) {
        return platform + ":" + nativeId;
    }
}
