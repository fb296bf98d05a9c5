package org.relais.ingest.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A link from a blog post to a URL: {@code sourceBlog} cites {@code targetBlog}. Blog ids are
 * derived from URLs by {@link org.relais.ingest.format.BlogIds}. The key is
 * {@code (sourcePostUrl, targetUrl)}.
 *
 * @param sourceBlog blog id of the citing blog
 * @param sourcePostUrl URL of the citing post
 * @param targetUrl the URL linked to
 * @param targetBlog blog id of the site linked to
 * @param publishedAt when the citing post was published, when known
 * @param anchorText the link's anchor text, when known
 */
public record BlogLink(String sourceBlog, String sourcePostUrl, String targetUrl, String targetBlog,
        Instant publishedAt, String anchorText, String sourceFormat) {

    public BlogLink {
        Objects.requireNonNull(sourceBlog, "sourceBlog");
        Objects.requireNonNull(sourcePostUrl, "sourcePostUrl");
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(targetBlog, "targetBlog");
    }
}
