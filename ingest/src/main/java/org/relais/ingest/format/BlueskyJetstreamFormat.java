package org.relais.ingest.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.Deletion;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.ParsedRecord;
import org.relais.ingest.model.Platforms;
import org.relais.ingest.model.Post;

/**
 * {@code bluesky-jetstream}: Bluesky (AT Protocol) events as Bluesky's Jetstream service sends
 * them, one JSON event per line: {@code {"did":…,"time_us":…,"kind":"commit"|"identity"|"account",…}}.
 *
 * <p>Kafka key: {@code bluesky:<did>}, so that every event of one repository (its creates, then
 * its deletes) stays in order in one partition; none when {@code did} cannot be read at publish
 * time.
 *
 * <p>Every event needs {@code did}* (a {@code did:} identifier: the author of the commit, the
 * account of an identity or account event) and {@code kind}*. {@code time_us} (microseconds,
 * Jetstream's own clock) is the time of anything that has no time of its own. A record's URI is
 * {@code at://<did>/<commit.collection>/<commit.rkey>}. Times are checked with
 * {@link ParseContext#checkTime}. What each event gives:
 * <ul>
 *   <li>{@code commit} with {@code commit.operation} {@code create} or {@code update}
 *       ({@code commit.collection}*, {@code commit.rkey}*, {@code commit.record}* for the
 *       collections read):
 *     <ul>
 *       <li>{@code app.bsky.feed.post}: a {@link Post} (platform {@code bluesky}): post id the
 *           record's URI, author the DID, {@code record.text}, {@code record.langs[0]},
 *           {@code record.createdAt} (else {@code time_us}); {@code record.reply.parent.uri}*
 *           (when there is a {@code reply}) as replyTo, with the DID in that URI as its author;
 *           {@code record.facets[].features[]} by {@code $type}:
 *           {@code app.bsky.richtext.facet#mention} ({@code did}*) a mention (account id, no
 *           handle), {@code #link} ({@code uri}*) a URL, {@code #tag} ({@code tag}*) a hashtag;
 *           {@code record.embed} by {@code $type}: {@code app.bsky.embed.record}
 *           ({@code record.uri}*) and {@code app.bsky.embed.recordWithMedia}
 *           ({@code record.record.uri}*) a quote of that post, by the DID in its URI (an embedded
 *           feed, list or starter pack is no quote), {@code app.bsky.embed.external}
 *           ({@code external.uri}*) a URL, as is a link card beside a quote
 *           ({@code media.external.uri}* of a {@code recordWithMedia} whose {@code media} is
 *           {@code app.bsky.embed.external}). A URL given both as a link facet and as the link card
 *           is kept once;
 *       <li>{@code app.bsky.feed.repost}: a {@link Post} that is a repost: post id the repost
 *           record's URI, {@code record.subject.uri}* the reposted post, the DID in it its author,
 *           {@code record.createdAt} (else {@code time_us});
 *       <li>{@code app.bsky.graph.follow}: a {@link Follow} of {@code record.subject}* (a DID),
 *           observed at {@code record.createdAt}, else {@code time_us};
 *       <li>every other collection (likes, blocks, profiles, lists, statuses, other apps'
 *           records): an empty record;
 *     </ul>
 *   <li>{@code commit} with {@code operation} {@code delete}: for a post or a repost a
 *       {@link Deletion} of that URI (kind post, author the DID); for a follow a {@link Deletion}
 *       of kind follow with the follow record's URI and the follower, since the event does not say
 *       whom the record followed; for other collections an empty record. Source
 *       {@value #DELETE_SOURCE}, time {@code time_us};
 *   <li>{@code identity}: an {@link Account} with the DID and {@code identity.handle}, observed at
 *       {@code identity.time} (else {@code time_us}); an identity event without handle gives
 *       nothing;
 *   <li>{@code account}: when {@code account.status} is {@code deleted}, a {@link Deletion} of the
 *       account (source {@value #ACCOUNT_DELETE_SOURCE}, time {@code account.time}); any other
 *       status ({@code active}, {@code deactivated}, {@code suspended}, {@code takendown}: states an
 *       account can come back from) gives nothing;
 *   <li>another {@code kind}, or another {@code operation}: {@link Reason#UNSUPPORTED_RECORD}.
 * </ul>
 * Handles are not in commit events: posts have no author handle and mentions no handle; identity
 * events and other formats supply them.
 */
public final class BlueskyJetstreamFormat extends JsonLinesFormat {

    public static final String NAME = "bluesky-jetstream";
    /** The source of deletions read from delete commits. */
    public static final String DELETE_SOURCE = "bluesky-delete";
    /** The source of deletions read from account events with status {@code deleted}. */
    public static final String ACCOUNT_DELETE_SOURCE = "bluesky-account-deleted";

    static final String POST = "app.bsky.feed.post";
    static final String REPOST = "app.bsky.feed.repost";
    static final String FOLLOW = "app.bsky.graph.follow";
    private static final String AT_SCHEME = "at://";
    private static final String DID_PREFIX = "did:";

    public BlueskyJetstreamFormat() {
        super(NAME, "Bluesky Jetstream events, one per line: posts, reposts, follows, deletions, handles");
    }

    @Override
    String key(byte[] record) {
        return platformKey(Platforms.BLUESKY, record, "did");
    }

    @Override
    public ParsedRecord parse(byte[] value, ParseContext context) throws BadRecordException {
        JsonObject event = Json.parseObject(value, "event");
        String did = did(event.requiredText("did"), "did");
        String kind = event.requiredText("kind");
        Long timeUs = event.longValue("time_us");
        Instant time = timeUs == null ? null : context.checkTime(Timestamps.ofEpochMicros(timeUs), "time_us");
        return switch (kind) {
            case "commit" -> commit(event.requiredObject("commit"), did, time, context);
            case "identity" -> identity(event.requiredObject("identity"), did, time, context);
            case "account" -> account(event.requiredObject("account"), did, time, context);
            default -> throw new BadRecordException(Reason.UNSUPPORTED_RECORD,
                    "kind was " + Values.quote(kind) + ", but must be commit, identity or account");
        };
    }

    private static ParsedRecord commit(JsonObject commit, String did, Instant time, ParseContext context)
            throws BadRecordException {
        String operation = commit.requiredText("operation");
        String collection = commit.requiredText("collection");
        String uri = AT_SCHEME + did + "/" + collection + "/" + commit.requiredText("rkey");
        ParsedRecord result = new ParsedRecord();
        switch (operation) {
            case "create", "update" -> {
                switch (collection) {
                    case POST -> result.add(post(commit.requiredObject("record"), uri, did, time, context));
                    case REPOST -> result.add(repost(commit.requiredObject("record"), uri, did, time, context));
                    case FOLLOW -> result.add(follow(commit.requiredObject("record"), uri, did, time, context));
                    default -> {
                        // Likes, blocks, profiles and other records say nothing Relais ranks.
                    }
                }
            }
            case "delete" -> {
                switch (collection) {
                    case POST, REPOST -> result.add(Deletion.post(Platforms.BLUESKY, uri, did, time, DELETE_SOURCE));
                    case FOLLOW -> result.add(Deletion.follow(Platforms.BLUESKY, did, uri, time, DELETE_SOURCE));
                    default -> {
                        // Nothing of the other collections is stored, so nothing is to delete.
                    }
                }
            }
            default -> throw new BadRecordException(Reason.UNSUPPORTED_RECORD, commit.path("operation") + " was "
                    + Values.quote(operation) + ", but must be create, update or delete");
        }
        return result;
    }

    private static Post post(JsonObject record, String uri, String did, Instant time, ParseContext context)
            throws BadRecordException {
        String replyTo = null;
        JsonObject reply = record.object("reply");
        if (reply != null) {
            replyTo = reply.requiredObject("parent").requiredText("uri");
        }
        List<Post.Mention> mentions = new ArrayList<>();
        Set<String> urls = new LinkedHashSet<>();
        List<String> hashtags = new ArrayList<>();
        for (JsonObject facet : record.objects("facets")) {
            for (JsonObject feature : facet.objects("features")) {
                String type = feature.text("$type");
                if ("app.bsky.richtext.facet#mention".equals(type)) {
                    mentions.add(new Post.Mention(did(feature.requiredText("did"), feature.path("did")), null));
                } else if ("app.bsky.richtext.facet#link".equals(type)) {
                    urls.add(feature.requiredText("uri"));
                } else if ("app.bsky.richtext.facet#tag".equals(type)) {
                    String tag = Values.hashtag(feature.requiredText("tag"));
                    if (tag != null) {
                        hashtags.add(tag);
                    }
                }
            }
        }
        String quoteOf = null;
        JsonObject embed = record.object("embed");
        String embedType = embed == null ? null : embed.text("$type");
        if ("app.bsky.embed.record".equals(embedType)) {
            quoteOf = quotedPost(embed.requiredObject("record"));
        } else if ("app.bsky.embed.recordWithMedia".equals(embedType)) {
            quoteOf = quotedPost(embed.requiredObject("record").requiredObject("record"));
            JsonObject media = embed.object("media");
            if (media != null && "app.bsky.embed.external".equals(media.text("$type"))) {
                urls.add(media.requiredObject("external").requiredText("uri"));
            }
        } else if ("app.bsky.embed.external".equals(embedType)) {
            urls.add(embed.requiredObject("external").requiredText("uri"));
        }
        List<String> langs = record.texts("langs");
        return new Post(Platforms.BLUESKY, uri, did, null, createdAt(record, time, context), record.text("text"),
                langs.isEmpty() ? null : langs.get(0), List.copyOf(urls), hashtags, mentions,
                replyTo, replyTo == null ? null : authorDid(replyTo, reply.path("parent.uri")),
                null, null,
                quoteOf, quoteOf == null ? null : authorDid(quoteOf, embed.path("record")),
                NAME);
    }

    /** The URI of an embedded record when it is a post; a feed, list or starter pack is no quote. */
    private static String quotedPost(JsonObject strongRef) throws BadRecordException {
        String uri = strongRef.requiredText("uri");
        authorDid(uri, strongRef.path("uri"));
        return uri.contains("/" + POST + "/") ? uri : null;
    }

    private static Post repost(JsonObject record, String uri, String did, Instant time, ParseContext context)
            throws BadRecordException {
        JsonObject subject = record.requiredObject("subject");
        String reposted = subject.requiredText("uri");
        return new Post(Platforms.BLUESKY, uri, did, null, createdAt(record, time, context), null, null, List.of(),
                List.of(), List.of(), null, null, reposted, authorDid(reposted, subject.path("uri")), null, null, NAME);
    }

    private static Follow follow(JsonObject record, String uri, String did, Instant time, ParseContext context)
            throws BadRecordException {
        String followee = did(record.requiredText("subject"), record.path("subject"));
        // The record's URI is kept: a later delete of the follow names only that URI.
        return new Follow(Platforms.BLUESKY, did, followee, createdAt(record, time, context), NAME, uri);
    }

    private static ParsedRecord identity(JsonObject identity, String did, Instant time, ParseContext context)
            throws BadRecordException {
        String handle = Values.handle(identity.text("handle"));
        ParsedRecord result = new ParsedRecord();
        if (handle != null) {
            Instant observedAt = identity.checkedTime("time", context);
            result.add(new Account(Platforms.BLUESKY, did, handle, null, null, null, null, null, null, null,
                    observedAt != null ? observedAt : time != null ? time : context.receivedAt()));
        }
        return result;
    }

    private static ParsedRecord account(JsonObject account, String did, Instant time, ParseContext context)
            throws BadRecordException {
        ParsedRecord result = new ParsedRecord();
        if ("deleted".equals(account.text("status"))) {
            Instant deletedAt = account.checkedTime("time", context);
            result.add(Deletion.account(Platforms.BLUESKY, did, deletedAt != null ? deletedAt : time, ACCOUNT_DELETE_SOURCE));
        }
        return result;
    }

    /** {@code record.createdAt} (the client's time), else the event's {@code time_us}. */
    private static Instant createdAt(JsonObject record, Instant time, ParseContext context) throws BadRecordException {
        Instant createdAt = record.checkedTime("createdAt", context);
        return createdAt != null ? createdAt : time;
    }

    /** {@code value} when it is a DID, else {@link Reason#WRONG_TYPE}. */
    private static String did(String value, String field) throws BadRecordException {
        if (!value.startsWith(DID_PREFIX) || value.length() == DID_PREFIX.length()) {
            throw new BadRecordException(Reason.WRONG_TYPE, field + " was " + Values.quote(value)
                    + ", but must be a DID such as did:plc:z72i7hdynmk6r22z27h6tvur");
        }
        return value;
    }

    /**
     * The DID of the repository an {@code at://} URI points into, or null when the URI names it by
     * handle ({@code at://alice.bsky.social/…}, allowed but rare in records).
     */
    private static String authorDid(String uri, String field) throws BadRecordException {
        int end = uri.indexOf('/', AT_SCHEME.length());
        if (!uri.startsWith(AT_SCHEME) || end <= AT_SCHEME.length()) {
            throw new BadRecordException(Reason.WRONG_TYPE, field + " was " + Values.quote(uri)
                    + ", but must be an at:// URI such as at://did:plc:abc/app.bsky.feed.post/3k2a");
        }
        String authority = uri.substring(AT_SCHEME.length(), end);
        return authority.startsWith(DID_PREFIX) ? authority : null;
    }
}
