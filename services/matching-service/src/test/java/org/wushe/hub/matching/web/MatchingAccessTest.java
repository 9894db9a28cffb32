package org.wushe.hub.matching.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Who may see and decide what, with real tokens against the running service: station staff see and
 * decide only their own station's proposals (path rules on {@code /stations/{stationId}/…}, checks in
 * the code on matches and needs); another station's are a 403 problem naming the field and the role
 * that would be needed, and a refused decision changes nothing and writes no event; no token is a 401;
 * the operator endpoints are the hub admin's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MatchingAccessTest extends MatchingScenario {

    @Autowired
    Environment env;

    private Place mine;
    private Place theirs;
    private UUID myNeed;
    private UUID theirNeed;
    private String myMatch;
    private String theirMatch;
    /** Station staff of {@link #mine}, and of {@link #theirs}. */
    private Http li;

    private Http wang;

    @BeforeAll
    void twoStationsWithAnOpenProposalEach() {
        mine = newPlace();
        theirs = newPlace();
        // A skill no other test uses: volunteers of other tests (all in one database) never compete here.
        volunteer(mine, Town.HERE, Skill.PLUMBING);
        volunteer(mine, Town.EAST_3KM, Skill.PLUMBING);
        myNeed = publishNeed(mine, "厨房水管漏水 a leaking kitchen pipe");
        theirNeed = publishNeed(theirs, "卫生间水龙头坏了 a broken bathroom tap");
        myMatch = awaitLiveMatch(myNeed).get("matchId").asText();
        theirMatch = awaitLiveMatch(theirNeed).get("matchId").asText();
        li = http().as(staffOf(mine.station(), "staff-li"));
        wang = http().as(staffOf(theirs.station(), "staff-wang"));
    }

    @Test
    void stationStaffSeeTheirOwnStationAndAre403dOnAnothersWithTheFieldAndTheRoleNamed() {
        assertThat(ids(li.get("/stations/" + mine.station() + "/proposals")))
                .contains(myMatch)
                .doesNotContain(theirMatch);
        assertThat(li.get("/stations/" + mine.station() + "/matches?status=PROPOSED")
                        .status())
                .isEqualTo(200);

        for (String path : List.of("/proposals", "/matches", "/matches?status=PROPOSED")) {
            Http.Response r = li.get("/stations/" + theirs.station() + path);
            assertForbidden(r, "stationId", theirs.station());
            assertThat(r.json().get("detail").asText())
                    .contains("staff-li")
                    .contains(theirs.station().toString());
        }
        // Another role, or the role without the station's claim, is refused too; the hub admin sees every station.
        assertForbidden(
                http().as(TestTokens.token("sq-he", Roles.COMMUNITY_STAFF, Roles.COMMUNITY_ID, mine.community()))
                        .get("/stations/" + mine.station() + "/proposals"),
                "stationId",
                mine.station());
        assertForbidden(
                http().as(TestTokens.token("staff-zhou", List.of(Roles.STATION_STAFF), Map.of()))
                        .get("/stations/" + mine.station() + "/proposals"),
                "stationId",
                mine.station());
        assertThat(ids(http().get("/stations/" + theirs.station() + "/proposals")))
                .contains(theirMatch);
        // The list of stations is open to any signed-in caller (names only).
        assertThat(li.get("/stations").status()).isEqualTo(200);
    }

    @Test
    void aMatchAndItsNeedAreForTheirStationsStaffOnly() {
        assertThat(li.get("/matches/" + myMatch).json().get("matchId").asText()).isEqualTo(myMatch);
        assertForbidden(li.get("/matches/" + theirMatch), "matchId", theirs.station());

        for (String path : List.of("", "/candidates", "/history")) {
            assertThat(li.get("/needs/" + myNeed + path).status())
                    .as("own need " + path)
                    .isEqualTo(200);
            assertForbidden(li.get("/needs/" + theirNeed + path), "needId", theirs.station());
            assertThat(http().get("/needs/" + theirNeed + path).status())
                    .as("the hub admin, " + path)
                    .isEqualTo(200);
        }
        assertForbidden(li.get("/needs/" + theirNeed + "/history", "Accept", "text/plain"), "needId", theirs.station());
    }

    /** Last: it decides both proposals the other tests look at. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aDecisionOnAnotherStationsMatchIsRefusedAndChangesNothingThenItsOwnStaffDecide() {
        assertForbidden(li.post("/matches/" + theirMatch + "/accept", "{}"), "matchId", theirs.station());
        assertForbidden(
                li.post("/matches/" + theirMatch + "/decline", Map.of("reason", "TOO_FAR")),
                "matchId",
                theirs.station());
        assertForbidden(
                li.post("/matches/" + theirMatch + "/complete", Map.of("serviceMinutes", 30)),
                "matchId",
                theirs.station());
        Http.Response anonymous = http().anonymous().post("/matches/" + theirMatch + "/accept", "{}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problemField()).isEqualTo("Authorization");

        JsonNode still = http().get("/matches/" + theirMatch).json();
        assertThat(still.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(still.has("decidedBy")).isFalse();

        // The station's own staff accept: the first and only decision on the topic is theirs.
        Http.Response accepted = wang.post("/matches/" + theirMatch + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.json().get("decidedBy").asText()).isEqualTo("staff-wang");
        List<SpecificRecord> events = matchEvents(UUID.fromString(theirMatch), has(MatchAccepted.class));
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("MatchProposed", "MatchAccepted");
        only(events, MatchProposed.class);
        await().atMost(WAIT)
                .until(() -> count(
                                "select count(*) from audit_event where need_id = ? and event_type = 'MatchAccepted'",
                                theirNeed)
                        == 1);
        assertThat(jdbc.queryForObject(
                        "select actor from audit_event where need_id = ? and event_type = 'MatchAccepted'",
                        String.class,
                        theirNeed))
                .isEqualTo("staff-wang");

        // And li decides li's own.
        Http.Response declined = li.post("/matches/" + myMatch + "/decline", Map.of("reason", "TIME_CONFLICT"));
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        assertThat(declined.json().get("decidedBy").asText()).isEqualTo("staff-li");
    }

    @Test
    void withoutATokenEverythingButHealthAndTheApiDocsIs401() throws Exception {
        for (String path : List.of(
                "/stations",
                "/stations/" + mine.station() + "/proposals",
                "/matches/" + myMatch,
                "/needs/" + myNeed,
                "/engine")) {
            Http.Response r = http().anonymous().get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.problemField()).isEqualTo("Authorization");
        }
        // A token never rides in the address, not even on the live stream (browsers reach it through the portal's
        // session).
        String token = staffOf(mine.station(), "staff-li");
        assertThat(http().anonymous()
                        .get("/stations/" + mine.station() + "/proposals?access_token=" + token)
                        .status())
                .isEqualTo(401);
        HttpResponse<InputStream> inTheAddress = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.getProperty("local.server.port")
                                        + "/stations/" + mine.station() + "/stream?access_token=" + token))
                                .header("Accept", "text/event-stream")
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(inTheAddress.statusCode()).isEqualTo(401);
        inTheAddress.body().close();
        // The console and its sign-in script moved to the portal: nothing here is public but health and the API docs.
        for (String gone : List.of("/console/index.html", "/wushe/signin.js", "/console/auth.json")) {
            assertThat(http().anonymous().get(gone).status()).as(gone).isEqualTo(401);
        }
    }

    @Test
    void theLiveStreamTakesItsTokenInTheHeaderAndOnlyForItsOwnStation() throws Exception {
        String token = staffOf(mine.station(), "staff-li");
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<InputStream> own = stream(client, mine.station(), token);
        assertThat(own.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(own.body(), StandardCharsets.UTF_8))) {
            // The first event, up to its blank line: "hello" with the station.
            Map<String, String> first = new java.util.HashMap<>();
            for (String line; (line = lines.readLine()) != null && !line.isEmpty(); ) {
                int colon = line.indexOf(':');
                first.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
            assertThat(first)
                    .containsEntry("event", "hello")
                    .containsEntry("data", "{\"stationId\":\"" + mine.station() + "\"}");
        }

        HttpResponse<InputStream> other = stream(client, theirs.station(), token);
        assertThat(other.statusCode()).isEqualTo(403);
        JsonNode problem = Http.JSON.readTree(new String(other.body().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("stationId");
        assertThat(problem.get("required").asText()).isEqualTo(required(theirs.station()));

        HttpResponse<InputStream> none = stream(client, mine.station(), null);
        assertThat(none.statusCode()).isEqualTo(401);
        none.body().close();
    }

    @Test
    void theEngineAndTheBatchAreTheHubAdminsAndSoIsTheReplay() {
        for (Http.Response r : List.of(li.get("/engine"), li.post("/batch/runs", ""), li.get("/admin/replay"))) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("required").asText()).isEqualTo(Roles.HUB_ADMIN);
        }
        assertThat(http().get("/engine").status()).isEqualTo(200);
        assertThat(http().get("/admin/replay").status()).isEqualTo(200);
        // POST /admin/replay by the hub admin (202) is in ReadModelReplayTest, with station staff refused first.
    }

    // ---- helpers

    private UUID publishNeed(Place p, String title) {
        UUID needId = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        needId,
                        Town.need(
                                needId,
                                p.community(),
                                p.station(),
                                Category.HOME_REPAIR,
                                Urgency.URGENT,
                                BeneficiaryGroup.ELDERLY_ALONE,
                                title,
                                clock.instant(),
                                7,
                                null,
                                Skill.PLUMBING));
        return needId;
    }

    static String staffOf(UUID station, String subject) {
        return TestTokens.token(subject, Roles.STATION_STAFF, Roles.STATION_ID, station);
    }

    static String required(UUID station) {
        return "station_staff of " + station + " or centre_manager of " + station;
    }

    static void assertForbidden(Http.Response r, String field, UUID station) {
        Problems.assertForbidden(r.status(), r.contentType(), r.json(), r.text(), field, required(station));
        assertThat(r.json().get("title").asText()).isEqualTo("无权访问 Forbidden");
    }

    private static List<String> ids(Http.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        r.json().forEach(m -> ids.add(m.get("matchId").asText()));
        return ids;
    }

    private HttpResponse<InputStream> stream(HttpClient client, UUID station, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + env.getProperty("local.server.port") + "/stations/" + station + "/stream"))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }
}
