package org.relais.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relais.ingest.format.FormatTestSupport.CONTEXT;
import static org.relais.ingest.format.FormatTestSupport.RECEIVED_AT;
import static org.relais.ingest.format.FormatTestSupport.assertBad;
import static org.relais.ingest.format.FormatTestSupport.assertInvalidUtf8Rejected;
import static org.relais.ingest.format.FormatTestSupport.bytes;
import static org.relais.ingest.format.FormatTestSupport.keyOf;
import static org.relais.ingest.format.FormatTestSupport.parse;
import static org.relais.ingest.format.FormatTestSupport.splitAll;
import static org.relais.ingest.format.FormatTestSupport.splitTrickling;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.ingest.model.Account;
import org.relais.ingest.model.Follow;
import org.relais.ingest.model.ParsedRecord;

class TwitterV2UsersFormatTest {

    private final TwitterV2UsersFormat format = new TwitterV2UsersFormat();

    private static final Instant RETRIEVED = Instant.parse("2023-03-01T12:00:05Z");

    /** A page of {@code twarc2 followers 783214}, in the shape twarc2 writes, with a pinned tweet. */
    private static final String FOLLOWERS = """
            {"data":[
              {"id":"1111","username":"lea_v","name":"Léa V.","created_at":"2015-01-01T00:00:00.000Z","description":"Journaliste",
               "url":"https://t.co/abc","entities":{"url":{"urls":[{"start":0,"end":23,"url":"https://t.co/abc",
                 "expanded_url":"https://lea.example/blog","display_url":"lea.example/blog"}]}},
               "public_metrics":{"followers_count":900,"following_count":120,"tweet_count":5000,"listed_count":3},
               "protected":false,"verified":false,"pinned_tweet_id":"1600000000000000000"},
              {"id":"2222","username":"anon_42","name":"anon","protected":true,"public_metrics":{"followers_count":3,"following_count":4}}],
             "includes":{"tweets":[{"id":"1600000000000000000","text":"Pinned","author_id":"1111","created_at":"2022-12-01T00:00:00.000Z"}]},
             "meta":{"result_count":2,"next_token":"QWERTY"},
             "__twarc":{"url":"https://api.twitter.com/2/users/783214/followers?expansions=pinned_tweet_id&tweet.fields=attachments%2Cauthor_id&user.fields=created_at%2Cdescription&max_results=1000",
                        "version":"2.14.0","retrieved_at":"2023-03-01T12:00:05+00:00"}}
            """;

    @Test
    void aFollowersPageGivesTheUsersAndTheirFollowsOfTheSubject() throws BadRecordException {
        ParsedRecord record = parse(format, FOLLOWERS);
        assertEquals(List.of(
                new Account("twitter", "1111", "lea_v", "Léa V.", "https://lea.example/blog", "Journaliste", 900L, 120L, false,
                        false, Instant.parse("2015-01-01T00:00:00Z"), RETRIEVED),
                new Account("twitter", "2222", "anon_42", "anon", null, null, 3L, 4L, true, null, RETRIEVED)),
                record.accounts());
        assertEquals(List.of(
                new Follow("twitter", "1111", "783214", RETRIEVED, "twitter-v2-users"),
                new Follow("twitter", "2222", "783214", RETRIEVED, "twitter-v2-users")), record.follows());
        assertTrue(record.posts().isEmpty(), "pinned tweets are not read");
    }

    @Test
    void aFollowingPageGoesTheOtherWay() throws BadRecordException {
        ParsedRecord record = parse(format, FOLLOWERS.replace("/783214/followers?", "/783214/following?"));
        assertEquals(List.of(
                new Follow("twitter", "783214", "1111", RETRIEVED, "twitter-v2-users"),
                new Follow("twitter", "783214", "2222", RETRIEVED, "twitter-v2-users")), record.follows());
    }

    @Test
    void otherUserPagesGiveAccountsOnly() throws BadRecordException {
        for (String url : List.of("https://api.twitter.com/2/users?ids=1111%2C2222&user.fields=created_at",
                "https://api.twitter.com/2/users/by?usernames=lea_v", "https://api.twitter.com/2/tweets/99/liking_users",
                "https://api.twitter.com/2/lists/5/followers?max_results=100", "https://api.twitter.com/2/users/783214/followersx")) {
            ParsedRecord record = parse(format, FOLLOWERS.replaceFirst("\"url\":\"https://api.twitter.com/2/users/783214[^\"]*\"",
                    "\"url\":\"" + url + "\""));
            assertEquals(2, record.accounts().size(), url);
            assertEquals(List.of(), record.follows(), url);
        }
    }

    @Test
    void aFlattenedUserLineAndAPageWithoutRetrievalTime() throws BadRecordException {
        ParsedRecord record = parse(format, """
                {"id":"3333","username":"x","name":"X","pinned_tweet":{},
                 "__twarc":{"url":"https://api.x.com/2/users/9/following","version":"2.14.0"}}""");
        assertEquals(List.of(new Follow("twitter", "9", "3333", RECEIVED_AT, "twitter-v2-users")), record.follows());
        assertEquals(RECEIVED_AT, record.accounts().get(0).observedAt());
    }

    @Test
    void anAccountWithoutFollowersIsAnEmptyPage() throws BadRecordException {
        assertTrue(parse(format, "{\"meta\":{\"result_count\":0},\"__twarc\":{\"url\":\"https://api.twitter.com/2/users/1/followers\"}}")
                .isEmpty());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"data":[                                                                          | MALFORMED_JSON     | page is not valid JSON
            {"meta":{"result_count":3}}                                                        | MISSING_FIELD      | data is missing
            {"errors":[{"title":"Authorization Error","detail":"Sorry, you are not authorized to see the user with id: [1]."}]} | UNSUPPORTED_RECORD | page has no data, only 1 error(s), the first: 'Sorry, you are not authorized
            {"data":[{"id":"1","username":"a"}]}                                               | MISSING_FIELD      | __twarc is missing
            {"data":[{"id":"1","username":"a"}],"__twarc":{"version":"2"}}                     | MISSING_FIELD      | __twarc.url is missing
            {"data":[{"id":"1","author_id":"2","text":"a tweet"}],"__twarc":{"url":"u"}}       | UNSUPPORTED_RECORD | data holds tweets, not users: data[0] has author_id; use twitter-v2
            {"data":[{"username":"a"}],"__twarc":{"url":"https://api.twitter.com/2/users/1/followers"}} | MISSING_FIELD | data[0].id is missing
            {"data":[{"id":"1","protected":"no"}],"__twarc":{"url":"https://api.twitter.com/2/users/1/followers"}} | WRONG_TYPE | data[0].protected must be true or false, but was string
            {"data":[{"id":"1"}],"__twarc":{"url":"https://api.twitter.com/2/users/1/followers","retrieved_at":"2031-01-01T00:00:00+00:00"}} | TIMESTAMP_OUT_OF_RANGE | __twarc.retrieved_at was 2031-01-01T00:00:00Z
            {"data":{"id":"1"},"__twarc":{"url":"https://api.twitter.com/2/users/1"}}          | WRONG_TYPE         | data must be an array, but was object
            """)
    void rejectsBadPages(String json, Reason reason, String message) {
        assertBad(format, json, reason, message);
    }

    @Test
    void rejectsInvalidUtf8() {
        assertInvalidUtf8Rejected(format, "{\"data\":[{\"id\":\"1\",\"name\":\"", "\"}]}", "page is not valid UTF-8");
    }

    @Test
    void splitPublishesPagesUnkeyedAndFlattenedUsersByTheirId() throws Exception {
        byte[] file = bytes(FOLLOWERS.strip().replace("\n", " ") + "\n\n{\"id\":\"3333\",\"username\":\"x\",\"__twarc\":{}}\r\n");
        for (List<SourceRecord> records : List.of(splitAll(format, file), splitTrickling(format, file))) {
            assertEquals(2, records.size());
            assertNull(records.get(0).key());
            assertEquals("twitter:3333", keyOf(records.get(1)));
            assertEquals(3, records.get(1).line());
        }
    }

    @Test
    void neverThrowsAnythingButBadRecordOnDamagedPages() {
        FormatTestSupport.assertOnlyBadRecordExceptions(format, List.of(bytes(FOLLOWERS),
                bytes(FOLLOWERS.replace("/followers?", "/following?"))), CONTEXT, 20230301L);
    }
}
