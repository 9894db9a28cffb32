package org.wushe.hub.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /stations/{id}/proposals} filters by the need (category, urgency, end of its window) and pages on the
 * server: the body stays a JSON array of match views, {@code X-Total-Count} says how many pass the filters; most urgent
 * first, then the earliest end of the need's window, then the newest. Seven needs travel the real pipeline to proposals
 * at one station, asked for by that station's staff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationProposalsPageTest extends MatchingScenario {

    /**
     * Far from the town of the other tests (all in one database): these helpers are never their candidates, nor
     * theirs ours (max-distance-km 5).
     */
    private static final double[] ELSEWHERE = {31.23, 121.47};

    private static final double[] ELSEWHERE_2KM = {31.23, 121.49};

    @Autowired
    Environment env;

    private Place p;
    private Instant t0;
    private String staff;
    /** Need title → its need id, in the order published. */
    private final Map<String, UUID> needs = new LinkedHashMap<>();

    private record Page(int status, String contentType, String total, JsonNode body) {
        List<String> titles() {
            List<String> out = new ArrayList<>();
            body.forEach(v -> out.add(v.get("need").get("title").asText()));
            return out;
        }
    }

    @BeforeAll
    void sevenProposalsAtOneStation() {
        p = newPlace();
        // Enough helpers for every need (two candidates each, so none waits for the batch).
        for (double[] home : new double[][] {ELSEWHERE, ELSEWHERE, ELSEWHERE_2KM, ELSEWHERE_2KM}) {
            volunteer(p, home, Skill.MEDICAL, Skill.ELDER_CARE, Skill.HAIRDRESSING);
        }
        t0 = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        publish("A", Category.HEALTH, Urgency.URGENT, 2);
        publish("B", Category.HEALTH, Urgency.ROUTINE, 1);
        publish("C", Category.ESCORT, Urgency.URGENT, 5);
        publish("D", Category.ESCORT, Urgency.IMMEDIATE, 7);
        publish("E", Category.HAIRCUT, Urgency.SOON, 3);
        publish("F", Category.HEALTH, Urgency.URGENT, 4);
        publish("G", Category.HAIRCUT, Urgency.SOON, 3); // as E, proposed later: newer first
        staff = TestTokens.token(
                "staff-" + p.station().toString().substring(0, 8), Roles.STATION_STAFF, Roles.STATION_ID, p.station());
    }

    private void publish(String title, Category category, Urgency urgency, int days) {
        UUID needId = UUID.randomUUID();
        NeedPublished need = Town.need(
                needId,
                p.community(),
                p.station(),
                category,
                urgency,
                BeneficiaryGroup.ELDERLY_ALONE,
                title,
                t0,
                days,
                null);
        need = NeedPublished.newBuilder(need)
                .setDetails(NeedDetails.newBuilder(need.getDetails())
                        .setPlace(Town.place(p.community(), ELSEWHERE))
                        .build())
                .build();
        community().publish(Aggregate.NEED, needId, need);
        assertThat(awaitLiveMatch(needId).get("status").asText()).as(title).isEqualTo("PROPOSED");
        needs.put(title, needId);
    }

    @Test
    void withoutParametersEveryOpenProposalMostUrgentFirstThenEarliestDeadlineThenNewest() {
        Page all = get("");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("application/json");
        assertThat(all.total()).isEqualTo("7");
        assertThat(all.titles()).containsExactly("D", "A", "F", "C", "G", "E", "B");
        JsonNode first = all.body().get(0);
        assertThat(first.get("needId").asText()).isEqualTo(needs.get("D").toString());
        assertThat(first.get("need").get("category").asText()).isEqualTo("ESCORT");
        assertThat(first.get("need").get("urgency").asText()).isEqualTo("IMMEDIATE");
        assertThat(first.get("need").get("window").get("end").asText())
                .isEqualTo(t0.plus(7, ChronoUnit.DAYS).toString());
        assertThat(first.get("explanation").size()).isGreaterThan(0);
    }

    @Test
    void filtersByCategoryUrgencyAndTheEndOfTheNeedsWindow() {
        Page health = get("?category=HEALTH");
        assertThat(health.titles()).containsExactly("A", "F", "B");
        assertThat(health.total()).isEqualTo("3");

        Page urgentCare = get("?category=HEALTH&category=ESCORT&urgency=URGENT");
        assertThat(urgentCare.titles()).containsExactly("A", "F", "C");
        assertThat(urgentCare.total()).isEqualTo("3");

        assertThat(get("?urgency=IMMEDIATE&urgency=ROUTINE").titles()).containsExactly("D", "B");

        // Ends before (not at) the instant: E and G end exactly three days on.
        Page soon = get("?deadlineBefore=" + t0.plus(3, ChronoUnit.DAYS));
        assertThat(soon.titles()).containsExactly("A", "B");
        assertThat(get("?deadlineBefore=" + t0.plus(3, ChronoUnit.DAYS).plusMillis(1))
                        .titles())
                .containsExactly("A", "G", "E", "B");

        Page all = get("?category=HAIRCUT&urgency=SOON&deadlineBefore=" + t0.plus(4, ChronoUnit.DAYS));
        assertThat(all.titles()).containsExactly("G", "E");

        Page none = get("?category=LEGAL_ADVICE");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().isArray()).isTrue();
        assertThat(none.body().size()).isZero();
        assertThat(none.total()).isEqualTo("0");
    }

    @Test
    void pagesWithTheTotalBeforePaging() {
        Page first = get("?offset=0&limit=3");
        assertThat(first.titles()).containsExactly("D", "A", "F");
        assertThat(first.total()).isEqualTo("7");
        assertThat(get("?offset=3&limit=3").titles()).containsExactly("C", "G", "E");
        Page last = get("?offset=6&limit=3");
        assertThat(last.titles()).containsExactly("B");
        assertThat(last.total()).isEqualTo("7");
        Page past = get("?offset=20&limit=3");
        assertThat(past.body().size()).isZero();
        assertThat(past.total()).as("the total even past the end").isEqualTo("7");
        Page filtered = get("?category=HEALTH&offset=1&limit=1");
        assertThat(filtered.titles()).containsExactly("F");
        assertThat(filtered.total()).isEqualTo("3");
        assertThat(get("?limit=200").total()).isEqualTo("7");
    }

    @Test
    void badValuesAreProblemsNamingTheParameter() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("?category=GARDENING", "category");
        cases.put("?category=HEALTH&category=nope", "category");
        cases.put("?category=UNKNOWN", "category");
        cases.put("?urgency=VERY", "urgency");
        cases.put("?urgency=UNKNOWN", "urgency");
        cases.put("?deadlineBefore=tomorrow", "deadlineBefore");
        cases.put("?deadlineBefore=2026-12-10", "deadlineBefore");
        cases.put("?limit=0", "limit");
        cases.put("?limit=201", "limit");
        cases.put("?limit=many", "limit");
        cases.put("?offset=-1", "offset");
        cases.forEach((query, field) -> {
            Page r = get(query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.contentType()).as(query).startsWith("application/problem+json");
            assertThat(r.body().get("errors").get(0).get("field").asText())
                    .as(query + ": " + r.body())
                    .isEqualTo(field);
        });
    }

    @Test
    void theAccessRulesStand() {
        Place other = newPlace();
        String stranger = TestTokens.token("staff-other", Roles.STATION_STAFF, Roles.STATION_ID, other.station());
        Page refused = get(p.station(), "?category=HEALTH&limit=5", stranger);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("stationId");
        assertThat(get(p.station(), "?limit=5", null).status()).isEqualTo(401);
        // The centre manager above the station sees only what was escalated to the centre: nothing here.
        String manager = TestTokens.token(
                "manager-" + p.centre().toString().substring(0, 8), Roles.CENTRE_MANAGER, Roles.CENTRE_ID, p.centre());
        Page centre = get(p.centre(), "?limit=5", manager);
        assertThat(centre.status()).isEqualTo(200);
        assertThat(centre.total()).isEqualTo("0");
        // The hub admin passes.
        assertThat(get(p.station(), "?urgency=URGENT", TestTokens.admin()).total())
                .isEqualTo("3");
    }

    private Page get(String query) {
        return get(p.station(), query, staff);
    }

    private Page get(UUID station, String query, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + env.getProperty("local.server.port") + "/stations/" + station + "/proposals" + query))
                .GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue(StationController.TOTAL_COUNT).orElse(null),
                    r.body().isEmpty() ? null : Http.JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
