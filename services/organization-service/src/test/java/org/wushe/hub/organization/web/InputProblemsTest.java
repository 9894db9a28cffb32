package org.wushe.hub.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wushe.hub.organization.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input is a 4xx RFC 9457 problem naming the field, never a 500; the service also
 * documents itself (OpenAPI) and reports its health and metrics.
 */
class InputProblemsTest extends ServiceScenario {

    private static final String TOO_LONG = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
            + "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十X";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "missing name               | name                      | name                   | ",
                "blank name                 | name                      | name                   | `  `",
                "name too long              | name                      | name                   | " + TOO_LONG,
                "missing kind               | kind                      | kind                   | ",
                "wrong kind enum            | kind                      | kind                   | KARAOKE",
                "UNKNOWN kind               | kind                      | kind                   | UNKNOWN",
                "wrong legal status         | legalStatus               | legalStatus            | LICENSED",
                "malformed credit code      | unifiedSocialCreditCode   | unifiedSocialCreditCode | 91110000ABC",
                "wrong stage enum           | stage                     | stage                  | TEENAGE",
                "hub while sprouting        | hub                       | hub                    | true",
                "unknown hub organization   | hubOrganizationId         | hubOrganizationId      | 00000000-0000-4000-8000-000000000001",
                "hub id not a UUID          | hubOrganizationId         | hubOrganizationId      | hub-1",
                "missing district           | districtCode              | districtCode           | ",
                "district of 5 digits       | districtCode              | districtCode           | 11011",
                "street outside district    | streetCode                | streetCode             | 310101001",
                "bad geohash                | geohash                   | geohash                | wx4a",
                "unknown category           | serviceCategories[0]      | serviceCategories      | ['FLYING']",
                "UNKNOWN category           | serviceCategories[0]      | serviceCategories      | ['UNKNOWN']",
                "negative capacity          | monthlyServiceCapacity    | monthlyServiceCapacity | -5",
                "capacity of wrong type     | monthlyServiceCapacity    | monthlyServiceCapacity | 'many'",
            })
    void badOrganizationsAreProblemsNamingTheField(String kase, String field, String property, String json) {
        assertProblem(kase, http().post("/organizations", with(organization(), property, json)), 400, field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "missing title        | title            | title            | ",
                "title too long       | title            | title            | " + TOO_LONG,
                "missing goal         | goal             | goal             | ",
                "wrong category       | category         | category         | FLYING",
                "wrong group          | beneficiaryGroup | beneficiaryGroup | PETS",
                "negative target      | targetPeople     | targetPeople     | -1",
                "negative budget      | budgetFen        | budgetFen        | -100",
                "missing start        | startsOn         | startsOn         | ",
                "malformed start      | startsOn         | startsOn         | '2026-13-45'",
                "end before start     | endsOn           | endsOn           | '2000-01-01'",
                "community not a UUID | servedCommunityIds[0] | servedCommunityIds | ['Dagao']",
            })
    void badProjectsAreProblemsNamingTheField(String kase, String field, String property, String json) {
        UUID organization = organizationId();
        Map<String, Object> project = Http.map(
                "title",
                "长者健康讲座 health talks",
                "goal",
                "每月一次健康讲座",
                "category",
                "HEALTH",
                "beneficiaryGroup",
                "VERY_OLD",
                "targetPeople",
                200,
                "startsOn",
                today().toString(),
                "endsOn",
                today().plusDays(90).toString(),
                "budgetFen",
                100_000);
        assertProblem(
                kase,
                http().post("/organizations/" + organization + "/projects", with(project, property, json)),
                400,
                field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "missing slots           | weeklySlots            | weeklySlots     | []",
                "slot without day        | weeklySlots[0].day     | weeklySlots     | [{'start': '09:00', 'end': '10:00'}]",
                "slot day wrong          | weeklySlots[0].day     | weeklySlots     | [{'day': 'FUNDAY', 'start': '09:00', 'end': '10:00'}]",
                "slot time malformed     | weeklySlots[0].start   | weeklySlots     | [{'day': 'MONDAY', 'start': '25:00', 'end': '10:00'}]",
                "zero capacity           | capacityPerSlot        | capacityPerSlot | 0",
                "missing capacity        | capacityPerSlot        | capacityPerSlot | ",
                "negative session        | sessionMinutes         | sessionMinutes  | -30",
                "bad language tag        | languages[0]           | languages       | ['English!']",
                "unknown skill           | skills[0]              | skills          | ['JUGGLING']",
                "missing validFrom       | validFrom              | validFrom       | ",
                "until before from       | validUntil             | validUntil      | '2001-01-01'",
            })
    void badCapacityIsAProblemNamingTheField(String kase, String field, String property, String json) {
        UUID organization = organizationId();
        Map<String, Object> capacity = Http.map(
                "title",
                "上门维修 home repairs",
                "category",
                "HOME_REPAIR",
                "capacityPerSlot",
                3,
                "weeklySlots",
                List.of(Map.of("day", "SATURDAY", "start", "09:00", "end", "12:00")),
                "validFrom",
                today().toString(),
                "validUntil",
                today().plusDays(30).toString());
        assertProblem(
                kase,
                http().post("/organizations/" + organization + "/capacities", with(capacity, property, json)),
                400,
                field);
    }

    @Test
    void unknownIdsAreNotFoundAndIdsThatAreNoUuidsAreBadRequests() {
        UUID nobody = UUID.randomUUID();
        assertProblem("unknown organization", http().get("/organizations/" + nobody), 404, "organizationId");
        assertProblem(
                "unknown organization stage",
                http().post("/organizations/" + nobody + "/stage", Http.map("stage", "START_UP")),
                404,
                "organizationId");
        assertProblem(
                "unknown organization history",
                http().get("/organizations/" + nobody + "/incubation"),
                404,
                "organizationId");
        assertProblem(
                "unknown organization capacities",
                http().get("/organizations/" + nobody + "/capacities"),
                404,
                "organizationId");
        assertProblem("unknown project", http().get("/projects/" + nobody), 404, "projectId");
        assertProblem(
                "unknown project grant",
                http().post(
                                "/projects/" + nobody + "/grants",
                                Http.map("programme", "p", "amountFen", 1, "awardedOn", today().toString())),
                404,
                "projectId");
        assertProblem(
                "unknown capacity",
                http().post("/capacities/" + nobody + "/withdraw", Http.map("reason", "OTHER")),
                404,
                "capacityId");
        assertProblem("not a UUID", http().get("/organizations/Dagao"), 400, "id");
        assertProblem("filter not an enum", http().get("/organizations?stage=TEENAGE"), 400, "stage");
        assertProblem("limit too big", http().get("/capacities?limit=5000"), 400, "limit");
        assertProblem(
                "stage missing",
                http().post("/organizations/" + organizationId() + "/stage", Http.map()),
                400,
                "stage");
        assertProblem(
                "hub missing", http().post("/organizations/" + organizationId() + "/hub", Http.map()), 400, "hub");
        assertProblem(
                "future assessment",
                http().post(
                                "/organizations/" + organizationId() + "/stage",
                                Http.map(
                                        "stage",
                                        "START_UP",
                                        "changedOn",
                                        today().plusDays(2).toString())),
                400,
                "changedOn");
        assertProblem("malformed JSON", http().post("/organizations", "{\"name\": "), 400, "body");
    }

    @Test
    void theServiceDocumentsItsApiAndReportsHealthAndMetrics() {
        Http.Response api = http().get("/v3/api-docs");
        assertThat(api.status()).isEqualTo(200);
        JsonNode paths = api.json().get("paths");
        assertThat(paths.has("/organizations")).isTrue();
        assertThat(paths.has("/organizations/{id}/stage")).isTrue();
        assertThat(paths.has("/organizations/{organizationId}/projects")).isTrue();
        assertThat(paths.has("/projects/{id}/grants")).isTrue();
        assertThat(paths.has("/organizations/{organizationId}/capacities")).isTrue();
        assertThat(paths.has("/capacities/{id}/withdraw")).isTrue();
        assertThat(http().get("/swagger-ui.html").status()).isIn(200, 302);
        assertThat(http().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        assertThat(http().get("/actuator/info").status()).isEqualTo(200);
        assertThat(http().get("/actuator/prometheus").text()).contains("http_server_requests");
    }

    private static Map<String, Object> with(Map<String, Object> body, String property, String json) {
        body.remove(property);
        if (json != null) {
            body.put(
                    property,
                    json.startsWith("{") || json.startsWith("[") || json.matches("-?\\d+") || json.equals("true")
                            ? Http.JSON.readValue(json.replace('\'', '"'), Object.class)
                            : json.replaceAll("^'|'$", ""));
        }
        return body;
    }

    private static void assertProblem(String kase, Http.Response r, int status, String field) {
        assertThat(r.status()).as(kase + ": " + r.text()).isEqualTo(status);
        assertThat(r.contentType()).as(kase).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("errors"))
                .extracting(e -> e.get("field").asText())
                .as(kase + ": " + r.text())
                .contains(field);
        assertThat(problem.get("detail").asText()).contains(field);
    }
}
