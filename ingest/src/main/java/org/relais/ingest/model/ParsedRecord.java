package org.relais.ingest.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything parsed out of one input record (one Kafka message): a twarc2 page yields many posts
 * and accounts, a CSV row one follow or one blog link. Parsers fill it; the ingest job routes each
 * list to its table.
 */
public final class ParsedRecord {

    private final List<Post> posts = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private final List<Follow> follows = new ArrayList<>();
    private final List<BlogLink> blogLinks = new ArrayList<>();

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

    public boolean isEmpty() {
        return posts.isEmpty() && accounts.isEmpty() && follows.isEmpty() && blogLinks.isEmpty();
    }
}
