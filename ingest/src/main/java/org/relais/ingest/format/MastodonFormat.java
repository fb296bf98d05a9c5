package org.relais.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Platforms;
import org.relais.ingest.model.Post;

/**
 * {@code mastodon}: statuses of the Mastodon REST API (the {@code Status} entity, as any server
 * speaking that API returns it): a timeline or search response body, which is a JSON array of
 * statuses, or one status per line. A file whose first character is {@code [} is read as one or
 * more arrays, each status one Kafka record with its bytes exactly as in the file; any other file
 * is JSON lines (see {@link JsonArrays}).
 *
 * <p>Kafka key: {@code mastodon:<uri>}; none when {@code uri} cannot be read at publish time.
 *
 * <p>Ids. A status's {@code id} and an account's {@code id} are the serving instance's own: the
 * same status has another {@code id} on every instance that knows it. So the post id is the
 * status's {@code uri}* (its ActivityPub id, the same everywhere), and the account id is the
 * account's {@code acct} with its instance: {@code user@instance} as the API gives it for a remote
 * account, and for a local one ({@code acct} without {@code @}) the host of the account's
 * {@code url} (else {@code uri}) appended, lower-cased: {@code GreenConnect@mastodon.social}. The
 * account id is also its handle. A known limit: an instance that serves its web pages on another
 * domain than its accounts' ({@code WEB_DOMAIN}) gives its local accounts that other domain.
 *
 * <p>Fields read from a status (* required):
 * <ul>
 *   <li>{@code uri}*, {@code account}* (below), {@code created_at} (checked with
 *       {@link ParseContext#checkTime}), {@code language};
 *   <li>{@code visibility}: only {@code public} and {@code unlisted} statuses (or ones without
 *       visibility) are stored; a {@code private} or {@code direct} one, or any other, gives an
 *       empty record, counted as skipped: it was not published, and Relais ranks public relays
 *       only;
 *   <li>{@code content}: the text, HTML turned into plain text by {@link HtmlText} (paragraphs
 *       separated by a blank line, {@code <br>} a line break, character references decoded); its
 *       links ({@code <a href>}, http and https only, once each) are the URLs, except mentions and
 *       hashtags: links whose {@code class} contains {@code mention} or {@code hashtag}, whose
 *       {@code rel} contains {@code tag}, or whose {@code href} is the {@code url} of one of the
 *       status's mentions or tags;
 *   <li>{@code mentions[]}: {@code acct}* (with the instance of the mention's {@code url} when
 *       local, as above) and {@code id};
 *   <li>{@code tags[].name}*: the hashtags;
 *   <li>{@code in_reply_to_id} as replyTo, as given: the serving instance's id of the replied-to
 *       status, which the API does not give as a URI, so it matches no post id (a record does not
 *       say which instance served it). Its author: {@code in_reply_to_account_id} is the status's own
 *       account (a thread) or one of its mentions (Mastodon mentions whom a status replies to), whose
 *       global id is then known; otherwise the author is left empty rather than made an id that
 *       matches no account;
 *   <li>{@code reblog}: the status is a boost, a repost of the inner status, which is a post of its
 *       own; the boost keeps no text, mentions, URLs or hashtags;
 *   <li>{@code quote} (Mastodon 4.4): {@code quote.quoted_status} is the quoted status, a post of
 *       its own, quoted by its {@code uri} and author; a quote without it (pending, revoked, or the
 *       shallow {@code quoted_status_id} of a quote inside a quote) quotes that id, as given, with
 *       no author. A {@code quote} that is itself a status (older forks) is read as the quoted
 *       status.
 * </ul>
 * Not read: {@code id}, {@code url}, {@code card} (a preview of a link already in the content),
 * media, polls, emojis, counts, {@code spoiler_text}, {@code edited_at}, {@code application}.
 *
 * <p>The {@code account} of each status in the record becomes an {@link Account}, once: the
 * global id (also its handle), {@code display_name}, {@code note} (as plain text),
 * {@code followers_count}, {@code following_count}, {@code locked} as protected, and as profile
 * URL the first link of its profile {@code fields[].value} (an http(s) {@code href}, else an
 * http(s) URL written as text), {@code created_at} (when the account was created, checked with
 * {@link ParseContext#checkSinceYearOne}); {@code bot} has no column; Mastodon has no verified accounts. Observed at the outer status's {@code created_at}, else
 * {@link ParseContext#receivedAt}.
 */
public final class MastodonFormat extends JsonLinesFormat {

    public static final String NAME = "mastodon";

    private static final Set<String> STORED_VISIBILITIES = Set.of("public", "unlisted");

    public MastodonFormat() {
        super(NAME, "Mastodon API statuses: a JSON array (a timeline page) or one status per line");
    }

    /** Arrays (a response body) or JSON lines: see {@link JsonArrays}. */
    @Override
    public Iterator<SourceRecord> split(InputStream in, String fileName, int maxRecordBytes) throws IOException {
        return JsonArrays.splitArraysOrLines(in, this::key, maxRecordBytes);
    }

    @Override
    String key(byte[] record) {
        return platformKey(Platforms.MASTODON, record, "uri");
    }

    @Override
    public ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException {
        JsonObject status = Json.parseObject(value, "status");
        String uri = status.requiredText("uri");
        if (!stored(status)) {
            return new ParsedRecord();
        }
        JsonObject account = status.requiredObject("account");
        Instant createdAt = status.checkedTime("created_at", context);
        Map<String, Post> posts = new LinkedHashMap<>();
        List<JsonObject> authors = new ArrayList<>();
        JsonObject reblog = status.object("reblog");
        if (reblog == null) {
            addWithQuoted(posts, authors, status, context);
        } else {
            JsonObject boosted = reblog.requiredObject("account");
            posts.put(uri, new Post(Platforms.MASTODON, uri, acct(account), acct(account), createdAt, null, null,
                    List.of(), List.of(), List.of(), null, null, reblog.requiredText("uri"), acct(boosted), null, null, NAME));
            authors.add(account);
            if (stored(reblog)) {
                addWithQuoted(posts, authors, reblog, context);
            }
        }
        Instant observedAt = createdAt != null ? createdAt : context.receivedAt();
        ParsedRecord result = new ParsedRecord();
        posts.values().forEach(result::add);
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (JsonObject author : authors) {
            String id = acct(author);
            if (!accounts.containsKey(id)) {
                accounts.put(id, account(author, id, observedAt, context));
            }
        }
        accounts.values().forEach(result::add);
        return result;
    }

    private static boolean stored(JsonObject status) throws BadRecordException {
        String visibility = status.text("visibility");
        return visibility == null || STORED_VISIBILITIES.contains(visibility);
    }

    /** Adds the post of a status that is not a boost, and the status it quotes when included. */
    private static void addWithQuoted(Map<String, Post> posts, List<JsonObject> authors, JsonObject status,
            ParseContext context) throws BadRecordException {
        JsonObject quoted = quotedStatus(status);
        posts.putIfAbsent(status.requiredText("uri"), post(status, quoted, context));
        authors.add(status.requiredObject("account"));
        if (quoted != null && stored(quoted)) {
            posts.putIfAbsent(quoted.requiredText("uri"), post(quoted, quotedStatus(quoted), context));
            authors.add(quoted.requiredObject("account"));
        }
    }

    /** The status a status quotes, when the record includes it. */
    private static JsonObject quotedStatus(JsonObject status) throws BadRecordException {
        JsonObject quote = status.object("quote");
        if (quote == null) {
            return null;
        }
        if (quote.has("uri") && quote.has("account")) {
            return quote;
        }
        return quote.object("quoted_status");
    }

    private static Post post(JsonObject status, JsonObject quoted, ParseContext context) throws BadRecordException {
        JsonObject account = status.requiredObject("account");
        String authorId = acct(account);

        Set<String> mentionUrls = new HashSet<>();
        Map<String, String> mentionIds = new HashMap<>();
        List<Post.Mention> mentions = new ArrayList<>();
        for (JsonObject mention : status.objects("mentions")) {
            String acct = acct(mention);
            mentions.add(new Post.Mention(acct, acct));
            addIfGiven(mentionUrls, mention.text("url"));
            String localId = mention.id("id");
            if (localId != null) {
                mentionIds.put(localId, acct);
            }
        }
        Set<String> tagUrls = new HashSet<>();
        List<String> hashtags = new ArrayList<>();
        for (JsonObject tag : status.objects("tags")) {
            String name = Values.hashtag(tag.requiredText("name"));
            if (name != null) {
                hashtags.add(name);
            }
            addIfGiven(tagUrls, tag.text("url"));
        }
        HtmlText.Parsed content = HtmlText.parse(status.text("content"));
        Set<String> urls = new LinkedHashSet<>();
        for (HtmlText.Link link : content.links()) {
            if (isWebLink(link.href()) && !isMentionOrTag(link, mentionUrls, tagUrls)) {
                urls.add(link.href());
            }
        }

        String replyTo = status.id("in_reply_to_id");
        String replyToAuthor = null;
        String replyToAccount = status.id("in_reply_to_account_id");
        if (replyTo != null && replyToAccount != null) {
            replyToAuthor = replyToAccount.equals(account.id("id")) ? authorId : mentionIds.get(replyToAccount);
        }

        String quoteOf = null;
        String quoteOfAuthor = null;
        if (quoted != null) {
            quoteOf = quoted.requiredText("uri");
            quoteOfAuthor = acct(quoted.requiredObject("account"));
        } else if (status.object("quote") != null) {
            quoteOf = status.object("quote").id("quoted_status_id");
        }
        return new Post(Platforms.MASTODON, status.requiredText("uri"), authorId, authorId,
                status.checkedTime("created_at", context), Values.emptyToNull(content.text()), status.text("language"),
                List.copyOf(urls), hashtags, mentions, replyTo, replyToAuthor, null, null, quoteOf, quoteOfAuthor, NAME);
    }

    private static boolean isMentionOrTag(HtmlText.Link link, Set<String> mentionUrls, Set<String> tagUrls) {
        return contains(link.classes(), "mention") || contains(link.classes(), "hashtag") || contains(link.rel(), "tag")
                || mentionUrls.contains(link.href()) || tagUrls.contains(link.href());
    }

    /** Whether a space-separated attribute value holds {@code word}. */
    private static boolean contains(String words, String word) {
        if (words == null) {
            return false;
        }
        for (String w : words.trim().split("\\s+")) {
            if (w.equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWebLink(String href) {
        return href != null && (href.regionMatches(true, 0, "http://", 0, 7) || href.regionMatches(true, 0, "https://", 0, 8));
    }

    private static void addIfGiven(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    private static Account account(JsonObject account, String id, Instant observedAt, ParseContext context)
            throws BadRecordException {
        return new Account(Platforms.MASTODON, id, id, account.text("display_name"), profileUrl(account),
                Values.emptyToNull(HtmlText.parse(account.text("note")).text()),
                account.longValue("followers_count"), account.longValue("following_count"), account.bool("locked"),
                null, context.checkSinceYearOne(account.time("created_at"), account.path("created_at")), observedAt);
    }

    /** The first http(s) link in the profile's fields: an {@code href}, else a URL written as text. */
    private static String profileUrl(JsonObject account) throws BadRecordException {
        for (JsonObject field : account.objects("fields")) {
            HtmlText.Parsed value = HtmlText.parse(field.text("value"));
            for (HtmlText.Link link : value.links()) {
                if (isWebLink(link.href())) {
                    return link.href();
                }
            }
            for (String word : value.text().split("\\s+")) {
                if (isWebLink(word)) {
                    return word;
                }
            }
        }
        return null;
    }

    /**
     * The global id of an account or a mention: {@code acct} when it names the instance, else
     * {@code acct@host} with the host of its {@code url} (else {@code uri}).
     */
    static String acct(JsonObject account) throws BadRecordException {
        String acct = Values.handle(account.requiredText("acct"));
        if (acct == null) {
            throw account.missing("acct");
        }
        int at = acct.lastIndexOf('@');
        if (at > 0 && at < acct.length() - 1) {
            return Values.mastodonAccount(acct.substring(0, at), acct.substring(at + 1));
        }
        String field = account.has("url") ? "url" : "uri";
        String url = account.text(field);
        if (url == null) {
            throw new BadRecordException(Reason.MISSING_FIELD, account.path("url") + " is missing: a local account ("
                    + account.path("acct") + " " + Values.quote(acct) + " has no instance) takes its instance from it");
        }
        return Values.mastodonAccount(at > 0 ? acct.substring(0, at) : acct, host(url, account.path(field)));
    }

    private static String host(String url, String field) throws BadRecordException {
        String host = null;
        try {
            URI parsed = new URI(url);
            String scheme = parsed.getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                host = parsed.getHost();
            }
        } catch (URISyntaxException e) {
            host = null;
        }
        if (host == null || host.isEmpty()) {
            throw new BadRecordException(Reason.WRONG_TYPE, field + " was " + Values.quote(url)
                    + ", but must be an http(s) URL with a host");
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
