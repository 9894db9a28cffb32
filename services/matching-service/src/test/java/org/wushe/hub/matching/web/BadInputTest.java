package org.wushe.hub.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestTokens;

/**
 * Every bad request is a 4xx problem naming the field, never a 500; the open proposal survives them all.
 * The requests are the hub admin's unless a case sends its own token (or none).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends MatchingScenario {

    private String open;

    private record Case(
            String what, String method, String path, Object body, int status, String field, String... headers) {}

    @BeforeAll
    void anOpenProposal() {
        Place p = newPlace();
        volunteer(p, Town.HERE, Skill.CLEANING);
        volunteer(p, Town.HERE, Skill.CLEANING);
        UUID needId = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        needId,
                        Town.need(
                                needId,
                                p.community(),
                                p.station(),
                                Category.COMPANIONSHIP,
                                Urgency.SOON,
                                BeneficiaryGroup.ELDERLY_ALONE,
                                "陪老人聊天 company for an elder",
                                clock.instant(),
                                7,
                                null));
        open = awaitLiveMatch(needId).get("matchId").asText();
    }

    @Test
    void eachBadInputIsAFourHundredNamingTheField() {
        String m = "/matches/" + open;
        String unknown = "/matches/" + UUID.randomUUID();
        List<Case> cases = List.of(
                new Case("match id not a UUID", "GET", "/matches/not-a-uuid", null, 400, "matchId"),
                new Case("unknown match", "GET", unknown, null, 404, "matchId"),
                new Case("accept an unknown match", "POST", unknown + "/accept", "{}", 404, "matchId"),
                new Case("decline without a body", "POST", m + "/decline", "", 400, null),
                new Case("decline with malformed JSON", "POST", m + "/decline", "{\"reason\": ", 400, null),
                new Case("decline without a reason", "POST", m + "/decline", Map.of("note", "x"), 400, "reason"),
                new Case(
                        "decline with a reason that does not exist",
                        "POST",
                        m + "/decline",
                        Map.of("reason", "BORED"),
                        400,
                        "reason"),
                new Case("decline with UNKNOWN", "POST", m + "/decline", Map.of("reason", "UNKNOWN"), 400, "reason"),
                new Case(
                        "decline with a number for a reason", "POST", m + "/decline", "{\"reason\": 7}", 400, "reason"),
                new Case(
                        "a note of 201 characters",
                        "POST",
                        m + "/decline",
                        Map.of("reason", "OTHER", "note", "很".repeat(201)),
                        400,
                        "note"),
                new Case(
                        "a phone number in the note",
                        "POST",
                        m + "/decline",
                        Map.of("reason", "OTHER", "note", "请联系13912345678"),
                        400,
                        "note"),
                new Case(
                        "an ID number in the note",
                        "POST",
                        m + "/decline",
                        Map.of("reason", "OTHER", "note", "身份证11010519491231002X"),
                        400,
                        "note"),
                new Case(
                        "complete an open proposal",
                        "POST",
                        m + "/complete",
                        Map.of("serviceMinutes", 30),
                        409,
                        "matchId"),
                new Case(
                        "complete without minutes",
                        "POST",
                        m + "/complete",
                        Map.of("peopleReached", 1),
                        400,
                        "serviceMinutes"),
                new Case(
                        "negative minutes",
                        "POST",
                        m + "/complete",
                        Map.of("serviceMinutes", -5),
                        400,
                        "serviceMinutes"),
                new Case(
                        "more than a day",
                        "POST",
                        m + "/complete",
                        Map.of("serviceMinutes", 5000),
                        400,
                        "serviceMinutes"),
                new Case(
                        "minutes as text",
                        "POST",
                        m + "/complete",
                        "{\"serviceMinutes\": \"an hour\"}",
                        400,
                        "serviceMinutes"),
                new Case(
                        "nobody reached",
                        "POST",
                        m + "/complete",
                        Map.of("serviceMinutes", 30, "peopleReached", 0),
                        400,
                        "peopleReached"),
                new Case(
                        "a token whose subject is not an account id",
                        "POST",
                        m + "/accept",
                        "{}",
                        400,
                        "sub",
                        TestTokens.AUTHORIZATION,
                        TestTokens.bearer(TestTokens.admin("<script> x"))),
                new Case("no token", "POST", m + "/accept", "{}", 401, "Authorization", TestTokens.AUTHORIZATION, ""),
                new Case(
                        "an expired token",
                        "POST",
                        m + "/accept",
                        "{}",
                        401,
                        "Authorization",
                        TestTokens.AUTHORIZATION,
                        TestTokens.bearer(TestTokens.expired("staff-li"))),
                new Case("candidates k = 0", "GET", "/needs/" + UUID.randomUUID() + "/candidates?k=0", null, 400, "k"),
                new Case(
                        "candidates of an unknown need",
                        "GET",
                        "/needs/" + UUID.randomUUID() + "/candidates",
                        null,
                        404,
                        "needId"),
                new Case(
                        "station matches with limit 1000",
                        "GET",
                        "/stations/" + UUID.randomUUID() + "/matches?limit=1000",
                        null,
                        400,
                        "limit"),
                new Case(
                        "station matches with a status that does not exist",
                        "GET",
                        "/stations/" + UUID.randomUUID() + "/matches?status=DONE",
                        null,
                        400,
                        "status"));

        List<String> outcomes = new ArrayList<>();
        for (Case c : cases) {
            Http.Response r = c.method().equals("GET")
                    ? http().get(c.path(), c.headers())
                    : http().post(c.path(), c.body(), c.headers());
            outcomes.add(c.what() + " -> " + r.status());
            assertThat(r.status()).as(c.what() + ": " + r).isEqualTo(c.status());
            assertThat(r.contentType()).as(c.what()).startsWith("application/problem+json");
            if (c.field() != null) {
                assertThat(r.problemField()).as(c.what() + ": " + r).isEqualTo(c.field());
            }
        }
        assertThat(outcomes).hasSize(cases.size());
        // Nothing above changed the proposal.
        assertThat(http().get("/matches/" + open).json().get("status").asText()).isEqualTo("PROPOSED");
    }
}
