package org.relais.ingest.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything parsed out of one input record (one Kafka message): a twarc2 page yields many posts
 * and accounts, a CSV row one follow or one blog link, a stream's delete notice one deletion.
 * Parsers fill it; the ingest job routes each list to its table. A record with nothing in it
 * ({@link #isEmpty()}) is one the format reads but keeps nothing from: a stream's control message,
 * a like, a private status.
 */
public final class ParsedRecord {

    private final List<Post> posts = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private final List<Follow> follows = new ArrayList<>();
    private final List<BlogLink> blogLinks = new ArrayList<>();
    private final List<Deletion> deletions = new ArrayList<>();
    private final List<Identity> identities = new ArrayList<>();

    public ParsedRecord add(Post post) {
        posts.add(post);
        return this;
    }

    public ParsedRecord add(Account account) {
        accounts.add(account);
        return this;
    }

    public ParsedRecord add(Follow follow) {
        follows.add(follow);
        return this;
    }

    public ParsedRecord add(BlogLink link) {
        blogLinks.add(link);
        return this;
    }

    public ParsedRecord add(Deletion deletion) {
        deletions.add(deletion);
        return this;
    }

    public ParsedRecord add(Identity identity) {
        identities.add(identity);
        return this;
    }

    public List<Post> posts() {
        return posts;
    }

    public List<Account> accounts() {
        return accounts;
    }

    public List<Follow> follows() {
        return follows;
    }

    public List<BlogLink> blogLinks() {
        return blogLinks;
    }

    public List<Deletion> deletions() {
        return deletions;
    }

    public List<Identity> identities() {
        return identities;
    }

    public boolean isEmpty() {
        return posts.isEmpty() && accounts.isEmpty() && follows.isEmpty() && blogLinks.isEmpty()
                && deletions.isEmpty() && identities.isEmpty();
    }
}
