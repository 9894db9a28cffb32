package org.wushe.hub.socialworker.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.wushe.hub.platform.web.ServiceProblems;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input is a 4xx RFC 9457 problem naming the field, never a 500; the service also
 * documents itself (OpenAPI) and reports its health and metrics.
 */
class InputProblemsTest extends ServiceScenario {

    private static final String TOO_LONG = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十X";

    @Autowired
    ServiceProblems serviceProblems;

    private static KnownStation station;
    private static UUID worker;

    @BeforeEach
    void aWorkerAtAStation() {
        if (station == null) {
            station = communityStation(null);
            worker = workerAt(station);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "missing name            | name               | name               | ",
                "name too long           | name               | name               | " + TOO_LONG,
                "missing employment      | employment         | employment         | ",
                "wrong employment        | employment         | employment         | VOLUNTARY",
                "UNKNOWN employment      | employment         | employment         | UNKNOWN",
                "wrong level             | certificationLevel | certificationLevel | DOCTOR",
                "certified on malformed  | certifiedOn        | certifiedOn        | '2020-02-30'",
                "date without level      | certifiedOn        | certifiedOn        | '2020-02-03'",
                "unknown station         | stationId          | stationId          | 00000000-0000-4000-8000-000000000001",
                "station not a UUID      | stationId          | stationId          | station-1",
                "unknown supervisor      | supervisorId       | supervisorId       | 00000000-0000-4000-8000-000000000002",
                "unknown skill           | skills[0]          | skills             | ['JUGGLING']",
                "bad language            | languages[0]       | languages          | ['English!']",
                "trainedLocally as text  | trainedLocally     | trainedLocally     | 'often'",
            })
    void badWorkersAreProblemsNamingTheField(String kase, String field, String property, String json) {
        assertProblem(kase, http().post("/social-workers", with(worker(station), property, json)), 400, field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "missing worker         | socialWorkerId   | socialWorkerId   | ",
                "unknown worker         | socialWorkerId   | socialWorkerId   | 00000000-0000-4000-8000-000000000003",
                "missing residentRef    | residentRef      | residentRef      | ",
                "residentRef a name     | residentRef      | residentRef      | 王阿姨",
                "wrong category         | category         | category         | FLYING",
                "missing group          | beneficiaryGroup | beneficiaryGroup | ",
                "opened in the future   | openedOn         | openedOn         | '2999-01-01'",
                "community not served   | communityId      | communityId      | 00000000-0000-4000-8000-000000000004",
                "ID number in assessment | assessment      | assessment       | 身份证110112193001010014",
            })
    void badCasesAreProblemsNamingTheField(String kase, String field, String property, String json) {
        Map<String, Object> body = Http.map(
                "socialWorkerId",
                worker.toString(),
                "residentRef",
                UUID.randomUUID().toString(),
                "category",
                "COMPANIONSHIP",
                "beneficiaryGroup",
                "ELDERLY_ALONE");
        assertProblem(kase, http().post("/cases", with(body, property, json)), 400, field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "missing kind          | kind                        | kind       | ",
                "wrong kind            | kind                        | kind       | VIDEO",
                "wrong outcome         | outcome                     | outcome    | HAPPY",
                "missing visitedAt     | visitedAt                   | visitedAt  | ",
                "malformed visitedAt   | visitedAt                   | visitedAt  | yesterday",
                "negative minutes      | minutes                     | minutes    | -5",
                "too many minutes      | minutes                     | minutes    | 100000",
                "phone in notes        | notes                       | notes      | 女儿电话13912345678",
                "need without title    | raisedNeed.title            | raisedNeed | {'category': 'HOME_REPAIR', 'urgency': 'URGENT', 'beneficiaryGroup': 'VERY_OLD', 'start': '2999-01-01T00:00:00Z', 'end': '2999-01-01T02:00:00Z'}",
                "need wrong urgency    | raisedNeed.urgency          | raisedNeed | {'category': 'HOME_REPAIR', 'urgency': 'NOW', 'beneficiaryGroup': 'VERY_OLD', 'title': 't', 'start': '2999-01-01T00:00:00Z', 'end': '2999-01-01T02:00:00Z'}",
                "need negative amount  | raisedNeed.quantity.amount  | raisedNeed | {'category': 'DAILY_GOODS', 'urgency': 'SOON', 'beneficiaryGroup': 'VERY_OLD', 'title': 't', 'quantity': {'amount': -2, 'unit': 'BOX'}, 'start': '2999-01-01T00:00:00Z', 'end': '2999-01-01T02:00:00Z'}",
                "need bad geohash      | raisedNeed.geohash          | raisedNeed | {'category': 'HOME_REPAIR', 'urgency': 'URGENT', 'beneficiaryGroup': 'VERY_OLD', 'title': 't', 'geohash': 'wx4a', 'start': '2999-01-01T00:00:00Z', 'end': '2999-01-01T02:00:00Z'}",
            })
    void badVisitsAreProblemsNamingTheField(String kase, String field, String property, String json) {
        Map<String, Object> body = Http.map(
                "socialWorkerId",
                worker.toString(),
                "residentRef",
                UUID.randomUUID().toString(),
                "kind",
                "PHONE",
                "outcome",
                property.equals("raisedNeed") ? "NEED_FOUND" : "WELL",
                "visitedAt",
                Instant.now().minus(1, ChronoUnit.HOURS).toString());
        assertProblem(kase, http().post("/visits", with(body, property, json)), 400, field);
    }

    @Test
    void badGroupsAndSessionsAreProblemsNamingTheField() {
        assertProblem(
                "group without title",
                http().post(
                                "/groups",
                                Http.map(
                                        "socialWorkerId",
                                        worker.toString(),
                                        "category",
                                        "TUTORING",
                                        "beneficiaryGroup",
                                        "CHILD_IN_HARDSHIP")),
                400,
                "title");
        assertProblem(
                "zero planned sessions",
                http().post(
                                "/groups",
                                Http.map(
                                        "socialWorkerId",
                                        worker.toString(),
                                        "title",
                                        "t",
                                        "category",
                                        "TUTORING",
                                        "beneficiaryGroup",
                                        "CHILD_IN_HARDSHIP",
                                        "plannedSessions",
                                        0)),
                400,
                "plannedSessions");
        String group = http().post(
                        "/groups",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "title",
                                "t",
                                "category",
                                "TUTORING",
                                "beneficiaryGroup",
                                "CHILD_IN_HARDSHIP"))
                .json()
                .get("id")
                .asText();
        assertProblem(
                "negative participants",
                http().post(
                                "/groups/" + group + "/sessions",
                                Http.map("heldAt", Instant.now().toString(), "participantCount", -1)),
                400,
                "participantCount");
        assertProblem(
                "session in the future",
                http().post(
                                "/groups/" + group + "/sessions",
                                Http.map(
                                        "heldAt",
                                        Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                                        "participantCount",
                                        3)),
                400,
                "heldAt");
    }

    @Test
    void unknownIdsAreNotFoundAndBadParametersAreProblems() {
        UUID nobody = UUID.randomUUID();
        assertProblem("unknown worker", http().get("/social-workers/" + nobody), 404, "socialWorkerId");
        assertProblem(
                "unknown worker certificate",
                http().post(
                                "/social-workers/" + nobody + "/certificates",
                                Http.map("level", "ASSISTANT", "certifiedOn", "2020-01-01")),
                404,
                "socialWorkerId");
        assertProblem("unknown case", http().get("/cases/" + nobody), 404, "caseId");
        assertProblem(
                "unknown case note", http().post("/cases/" + nobody + "/notes", Http.map("text", "t")), 404, "caseId");
        assertProblem("unknown visit", http().get("/visits/" + nobody), 404, "visitId");
        assertProblem(
                "unknown group",
                http().post(
                                "/groups/" + nobody + "/sessions",
                                Http.map("heldAt", Instant.now().toString(), "participantCount", 3)),
                404,
                "groupId");
        assertProblem("unknown station", http().get("/stations/" + nobody), 404, "stationId");
        assertProblem(
                "unknown station report",
                http().get("/stations/" + nobody + "/report?from=2026-01-01&to=2026-01-31"),
                404,
                "stationId");
        assertProblem("not a UUID", http().get("/cases/abc"), 400, "id");
        assertProblem(
                "report without from", http().get("/stations/" + station.id() + "/report?to=2026-01-31"), 400, "from");
        assertProblem(
                "report to before from",
                http().get("/stations/" + station.id() + "/report?from=2026-01-31&to=2026-01-01"),
                400,
                "to");
        assertProblem(
                "report date malformed",
                http().get("/stations/" + station.id() + "/report?from=2026-13-01&to=2026-12-31"),
                400,
                "from");
        assertProblem(
                "report in the future",
                http().get("/stations/" + station.id() + "/report?from=2999-01-01&to=2999-01-31"),
                400,
                "from");
        assertProblem(
                "visits to before from",
                http().get("/visits?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"),
                400,
                "to");
        assertProblem("negative offset", http().get("/cases?offset=-1"), 400, "offset");
        assertProblem(
                "certificate NONE",
                http().post(
                                "/social-workers/" + worker + "/certificates",
                                Http.map("level", "NONE", "certifiedOn", "2020-01-01")),
                400,
                "level");
        assertProblem(
                "certificate undated",
                http().post("/social-workers/" + worker + "/certificates", Http.map("level", "ASSISTANT")),
                400,
                "certifiedOn");
        assertProblem("malformed JSON", http().post("/visits", "{\"kind\": "), 400, "body");
    }

    @Test
    void theServiceDocumentsItsApiAndReportsHealthAndMetrics() {
        Http.Response api = http().get("/v3/api-docs");
        assertThat(api.status()).isEqualTo(200);
        JsonNode paths = api.json().get("paths");
        for (String path : List.of(
                "/social-workers",
                "/social-workers/{id}/certificates",
                "/social-workers/{id}/assignment",
                "/cases",
                "/cases/{id}/notes",
                "/cases/{id}/close",
                "/visits",
                "/groups",
                "/groups/{id}/sessions",
                "/stations/{id}/report",
                "/centres",
                "/centres/{centreId}/report",
                "/centres/{centreId}/report.csv",
                "/centres/{centreId}/report.xlsx")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(http().get("/swagger-ui.html").status()).isIn(200, 302);
        assertThat(http().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        assertThat(http().get("/actuator/info").status()).isEqualTo(200);
        assertThat(http().get("/actuator/prometheus").text())
                .contains("http_server_requests")
                .contains("wushe_inbound_events");
    }

    private static Map<String, Object> with(Map<String, Object> body, String property, String json) {
        body.remove(property);
        if (json != null) {
            body.put(
                    property,
                    json.startsWith("{") || json.startsWith("[") || json.matches("-?\\d+")
                            ? Http.JSON.readValue(json.replace('\'', '"'), Object.class)
                            : json.replaceAll("^'|'$", ""));
        }
        return body;
    }

    /**
     * The rules check first; what the database refuses after them (two requests at once) is a 409 naming the
     * field the constraint guards, by the platform's ServiceProblems with this service's UniqueFields.
     */
    @Test
    void aDuplicateTheDatabaseRefusesIsA409NamingTheFieldItsConstraintGuards() {
        for (Map.Entry<String, String> c : Map.of(
                        "casework_one_open_per_resident", "residentRef", "group_session_number_unique", "heldAt")
                .entrySet()) {
            DuplicateKeyException refused = catchThrowableOfType(
                    DuplicateKeyException.class,
                    () -> jdbc.execute(
                            "DO $$ BEGIN RAISE unique_violation USING MESSAGE = 'duplicate key value violates unique constraint \""
                                    + c.getKey() + "\"'; END $$"));

            ResponseEntity<Object> answer = serviceProblems.duplicate(refused);

            assertThat(answer.getStatusCode().value()).isEqualTo(409);
            assertThat(((ProblemDetail) answer.getBody()).getProperties().get("errors"))
                    .asString()
                    .contains("field=" + c.getValue());
        }
    }
}
