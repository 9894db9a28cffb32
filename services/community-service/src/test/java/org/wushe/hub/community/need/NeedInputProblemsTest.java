package org.wushe.hub.community.need;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/** Every kind of bad input is a 4xx RFC 9457 problem naming the field, never a 500, and publishes nothing. */
class NeedInputProblemsTest extends ServiceScenario {

    private Place place;

    @BeforeEach
    void community() {
        place = communityWithStation();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "missing title              | title             | title             | ",
                "blank title                | title             | title             | `  `",
                "title too long             | title             | title             | "
                        + "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十X",
                "phone number in title      | title             | title             | 王阿姨 13912345678 门锁坏了",
                "ID number in title         | title             | title             | 身份证110112193001010014补办",
                "wrong category enum        | category          | category          | FLYING",
                "missing category           | category          | category          | ",
                "wrong urgency enum         | urgency           | urgency           | RIGHT_NOW",
                "unknown skill              | requiredSkills[0] | requiredSkills    | ['JUGGLING']",
                "negative quantity          | quantity.amount   | quantity          | {'amount': -3, 'unit': 'BOX'}",
                "quantity without unit      | quantity.unit     | quantity          | {'amount': 3}",
                "zero beneficiaries         | beneficiaryCount  | beneficiaryCount  | 0",
                "quantity of the wrong type | quantity.amount   | quantity          | {'amount': 'many', 'unit': 'BOX'}",
                "malformed start            | start             | start             | '2026-13-45 99:99'",
                "bad language tag           | requiredLanguages[0] | requiredLanguages | ['English!']",
                "bad geohash                | geohash           | geohash           | 'wx4a'",
                "too many minutes           | estimatedMinutes  | estimatedMinutes  | 100000",
                "unknown community          | communityId       | communityId       | '"
                        + "00000000-0000-4000-8000-000000000001" + "'",
                "community not a UUID       | communityId       | communityId       | 'Dagao'",
                "unknown station            | stationId         | stationId         | '00000000-0000-4000-8000-000000000002'",
                "unknown grid               | gridId            | gridId            | '00000000-0000-4000-8000-000000000003'",
                "unknown resident           | residentId        | residentId        | '00000000-0000-4000-8000-000000000004'",
            })
    void badInputIsAProblemNamingTheField(String kase, String field, String property, String json) {
        Map<String, Object> body = need(place);
        body.remove(property.replaceAll("\\[.*", ""));
        if (json != null) {
            body.put(
                    property.replaceAll("\\[.*", ""),
                    json.startsWith("{") || json.startsWith("[") || json.matches("-?\\d+")
                            ? Http.JSON.readValue(json.replace('\'', '"'), Object.class)
                            : json.replaceAll("^'|'$", ""));
        }

        Http.Response r = http().post("/needs", body);

        assertThat(r.status()).as(kase + ": " + r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).contains("Invalid input");
        assertThat(problem.get("errors"))
                .extracting(e -> e.get("field").asText())
                .as(kase)
                .contains(field);
        assertThat(problem.get("detail").asText()).contains(field);
    }

    @Test
    void aWindowThatEndsBeforeItStartsOrInThePastIsAProblemOfEnd() {
        Instant start = daysAhead(2);
        Http.Response backwards = http().post(
                        "/needs",
                        need(
                                place,
                                "start",
                                start.toString(),
                                "end",
                                start.minus(1, ChronoUnit.HOURS).toString()));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.problemField()).isEqualTo("end");

        Instant past = Instant.now().minus(3, ChronoUnit.DAYS);
        Http.Response over = http().post(
                        "/needs",
                        need(
                                place,
                                "start",
                                past.toString(),
                                "end",
                                past.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.problemField()).isEqualTo("end");
    }

    @Test
    void goodsNeedAQuantity() {
        Http.Response r = http().post("/needs", need(place, "category", "DAILY_GOODS", "requiredSkills", null));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemField()).isEqualTo("quantity");
    }

    @Test
    void aStationMustServeTheCommunityAndMayBeLeftOutWhenOnlyOneDoes() {
        Place other = communityWithStation();
        Http.Response foreign =
                http().post("/needs", need(place, "stationId", other.station().toString()));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.problemField()).isEqualTo("stationId");

        JsonNode implicit = publishNeed(need(place, "stationId", null));
        assertThat(implicit.get("stationId").asText()).isEqualTo(place.station().toString());
    }

    @Test
    void unknownThingsAre404AndMalformedIdsAre400NamingTheParameter() {
        Http.Response none = http().get("/needs/" + UUID.randomUUID());
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.problemField()).isEqualTo("id");

        Http.Response malformed = http().get("/needs/not-a-uuid");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemField()).isEqualTo("id");

        Http.Response status = http().get("/needs?status=LOST");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.problemField()).isEqualTo("status");

        Http.Response limit = http().get("/needs?limit=100000");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.problemField()).isEqualTo("limit");

        Http.Response transition =
                http().post("/needs/" + UUID.randomUUID() + "/status", Http.map("status", "MATCHED"));
        assertThat(transition.status()).isEqualTo(404);

        Http.Response noStatus = http().post("/needs/" + UUID.randomUUID() + "/status", Map.of());
        assertThat(noStatus.status()).isEqualTo(400);
        assertThat(noStatus.problemField()).isEqualTo("status");

        Http.Response community =
                http().post("/communities", Http.map("name", "x", "kind", "URBAN", "districtCode", "11011"));
        assertThat(community.status()).isEqualTo(400);
        assertThat(community.problemField()).isEqualTo("districtCode");
        // The annotation's message comes from the catalogue: Chinese with its English beside it, English alone on
        // request.
        assertThat(community.json().get("detail").asText())
                .contains("须为 6 位区县代码（GB/T 2260） must be a 6-digit district code (GB/T 2260)");
        Http.Response inEnglish = http().post(
                        "/communities",
                        Http.map("name", "x", "kind", "URBAN", "districtCode", "11011"),
                        "Accept-Language",
                        "en");
        assertThat(inEnglish.status()).isEqualTo(400);
        assertThat(inEnglish.json().get("detail").asText())
                .contains("must be a 6-digit district code (GB/T 2260)")
                .doesNotContain("区县");

        Http.Response series = http().post("/need-series", Http.map("need", need(place), "frequency", "HOURLY"));
        assertThat(series.status()).isEqualTo(400);
        assertThat(series.problemField()).isEqualTo("frequency");

        Http.Response seriesNeed =
                http().post("/need-series", Http.map("need", need(place, "title", null), "frequency", "WEEKLY"));
        assertThat(seriesNeed.status()).isEqualTo(400);
        assertThat(seriesNeed.problemField()).isEqualTo("need.title");

        Http.Response notJson = http().post("/needs", "{\"title\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.problemField()).isEqualTo("body");

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM need WHERE community_id = ?", Integer.class, place.community()))
                .isZero();
    }

    @Test
    void theApiIsDocumentedAndTheServiceReportsHealthAndMetrics() {
        JsonNode docs = http().get("/v3/api-docs").json();
        assertThat(docs.get("paths").propertyNames())
                .contains(
                        "/needs",
                        "/needs/{id}/status",
                        "/need-series",
                        "/communities",
                        "/stations",
                        "/stations/{id}/tree",
                        "/residents",
                        "/residents/{id}",
                        "/residents/{id}/access-log",
                        "/imports",
                        "/imports/{id}",
                        "/imports/{id}/rejections",
                        "/imports/templates/{language}",
                        "/communities/{communityId}/grids");
        assertThat(http().get("/swagger-ui.html").status()).isIn(200, 302);
        assertThat(http().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        publishNeed(need(place));
        Http.Response prometheus = http().get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.text()).contains("wushe_community_needs_published_total");
        assertThat(List.of(prometheus.text().split("\n"))).anyMatch(l -> l.startsWith("hikaricp_connections"));
    }
}
