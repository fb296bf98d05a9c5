package org.relais.analytics.job;

import java.util.Locale;

/**
 * The kinds of interaction that make an edge A -> B in the interaction graph. A post gives at most
 * one edge per target, of its strongest type ({@link #strength()}): a reply that also mentions the
 * person replied to counts once, as a reply.
 */
public enum EdgeType {
    /** A follows B. */
    FOLLOW(0),
    /** A's post reposts B's post. */
    REPOST(4),
    /** A's post quotes B's post. */
    QUOTE(3),
    /** A's post replies to B's post. */
    REPLY(2),
    /** A's post mentions B. */
    MENTION(1),
    /** A's post links to an article of blog B. */
    SHARE(0),
    /** Blog A links to blog B. */
    BLOG_LINK(0);

    private final int strength;

    EdgeType(int strength) {
        this.strength = strength;
    }

    /** Among the ways one post points at one account, the strongest wins (repost 4 ... mention 1). */
    public int strength() {
        return strength;
    }

    /** The name in tables and reports: {@code blog_link}, {@code repost}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The configuration key of its weight: {@code relais.graph.weights.blog-link}, ... */
    public String configKey() {
        return "relais.graph.weights." + code().replace('_', '-');
    }
}
