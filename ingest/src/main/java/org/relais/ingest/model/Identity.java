package org.relais.ingest.model;

import java.util.Objects;

/**
 * A link between a blog and the account of its author on a platform: the blog and the account are
 * one actor seen twice. Identities come from lists people keep ({@code identities-csv}); the
 * analyze job also derives them from the website given on account profiles
 * ({@link Account#profileUrl()}), with source {@link #PROFILE_URL}.
 *
 * @param blogId the blog's id ({@link org.relais.ingest.format.BlogIds})
 * @param platform one of {@link Platforms}, other than {@link Platforms#BLOG}
 * @param accountId the platform's id of the account
 * @param handle the account's handle without {@code @}, when known
 * @param source where the link comes from: {@link #IDENTITIES_CSV} or {@link #PROFILE_URL}
 */
public record Identity(String blogId, String platform, String accountId, String handle, String source) {

    /** The source of identities read from an {@code identities-csv} list. */
    public static final String IDENTITIES_CSV = "identities-csv";
    /** The source of identities derived from the website on an account's profile. */
    public static final String PROFILE_URL = "profile-url";

    public Identity {
        Objects.requireNonNull(blogId, "blogId");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(source, "source");
    }
}
