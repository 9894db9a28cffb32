package org.wushe.hub.volunteer.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wushe.hub.events.common.DayOfWeek;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.volunteer.PointsAwarded;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import org.wushe.hub.volunteer.support.UpstreamEvents;
import tools.jackson.databind.JsonNode;

/** Volunteers, availability, teams and flags over real HTTP, with the events they publish through the outbox. */
class VolunteerApiTest extends ServiceScenario {

    @Test
    void aVolunteerRegistersAndTheHubLearnsOfThemWithoutTheirNameOrPhone() {
        Map<String, Object> body = registration("王秀兰", true, false);
        Instant saturday = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        body.put(
                "availability",
                Map.of(
                        "weeklySlots",
                                List.of(
                                        Map.of("day", "SATURDAY", "start", "09:00", "end", "11:30"),
                                        Map.of("day", "WEDNESDAY", "start", "19:00", "end", "21:00")),
                        "oneOffWindows",
                                List.of(Map.of(
                                        "start",
                                        saturday.toString(),
                                        "end",
                                        saturday.plus(Duration.ofHours(3)).toString())),
                        "maxHoursPerWeek", 6));

        Http.Response created = http().post("/volunteers", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asText());
        assertThat(created.header("Location")).hasValue("/volunteers/" + id);
        JsonNode fetched = http().get("/volunteers/" + id + "?reason=test").json();
        assertThat(fetched.get("name").asText()).isEqualTo("王秀兰");
        assertThat(fetched.get("homeArea").get("geohash").asText())
                .as("truncated to a coarse cell")
                .isEqualTo("wx4gtn");
        assertThat(fetched.get("availability").get("weeklySlots")).hasSize(2);
        assertThat(balance(id)).isZero();

        List<ConsumerRecord<String, byte[]>> records = recordsOf(id, has(VolunteerRegistered.class, 1));
        VolunteerRegistered event =
                (VolunteerRegistered) codec.decode(records.get(0).value());
        assertThat(event.getVolunteerId()).isEqualTo(id);
        assertThat(event.getCommunityId()).isEqualTo(UpstreamEvents.COMMUNITY);
        assertThat(event.getHomeArea().getGeohash()).isEqualTo("wx4gtn");
        assertThat(event.getSkills()).containsExactly(Skill.HOME_REPAIR, Skill.ELECTRICAL);
        assertThat(event.getLanguages()).containsExactly("en");
        assertThat(event.getYoungOld()).isTrue();
        assertThat(event.getInHardship()).isFalse();
        assertThat(event.getAvailability().getWeeklySlots())
                .extracting(s -> s.getDay() + " " + s.getStart() + "-" + s.getEnd())
                .containsExactlyInAnyOrder("SATURDAY 09:00-11:30", "WEDNESDAY 19:00-21:00");
        assertThat(event.getAvailability().getOneOffWindows())
                .singleElement()
                .satisfies(w -> assertThat(w.getStart()).isEqualTo(saturday));
        assertThat(event.getAvailability().getMaxHoursPerWeek()).isEqualTo(6);
        assertThat(header(records.get(0), "eventType")).isEqualTo("VolunteerRegistered");
        String onTheWire = new String(records.get(0).value(), StandardCharsets.UTF_8)
                + records.get(0).headers();
        assertThat(onTheWire).doesNotContain("王秀兰").doesNotContain((String) body.get("phone"));
    }

    @Test
    void declaringAvailabilityReplacesItAsAWholeAndIsPublished() {
        UUID id = registerVolunteer(false, false);
        Instant from = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);

        Http.Response r = http().put(
                        "/volunteers/" + id + "/availability",
                        Map.of(
                                "weeklySlots", List.of(Map.of("day", "SUNDAY", "start", "14:00", "end", "17:00")),
                                "oneOffWindows",
                                        List.of(Map.of(
                                                "start",
                                                from.toString(),
                                                "end",
                                                from.plus(Duration.ofHours(2)).toString()))));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("weeklySlots")).hasSize(1);
        assertThat(http().get("/volunteers/" + id + "/availability")
                        .json()
                        .get("weeklySlots")
                        .get(0)
                        .get("day")
                        .asText())
                .isEqualTo("SUNDAY");
        VolunteerAvailabilityDeclared declared = only(
                        eventsOf(id, has(VolunteerAvailabilityDeclared.class, 1)), VolunteerAvailabilityDeclared.class)
                .get(0);
        assertThat(declared.getAvailability().getWeeklySlots()).singleElement().satisfies(s -> {
            assertThat(s.getDay()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(s.getStart()).isEqualTo(LocalTime.of(14, 0));
        });
        assertThat(declared.getAvailability().getOneOffWindows()).hasSize(1);
        assertThat(declared.getAvailability().getMaxHoursPerWeek()).isNull();
    }

    @Test
    void aTeamHasSubTeamsAndVolunteersJoinThem() {
        UUID community = UUID.randomUUID();
        Http.Response team = http().post(
                        "/teams",
                        Map.of(
                                "name",
                                "平安志愿服务队",
                                "purpose",
                                "社区平安 community safety",
                                "communityId",
                                community.toString()));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        UUID teamId = UUID.fromString(team.json().get("id").asText());
        UUID mediation = null;
        for (String sub : List.of(
                "调解 mediation", "安全 safety", "法律咨询 legal advice", "反诈 anti-fraud", "巡逻 patrol", "宣传 outreach")) {
            Http.Response s = http().post("/teams", Map.of("name", sub, "parentTeamId", teamId.toString()));
            assertThat(s.status()).as(s.toString()).isEqualTo(201);
            assertThat(s.json().get("communityId").asText()).as("inherited").isEqualTo(community.toString());
            if (mediation == null) {
                mediation = UUID.fromString(s.json().get("id").asText());
            }
        }
        UUID leader = registerVolunteer(true, false);
        UUID member = registerVolunteer(false, false);

        assertThat(http().put("/teams/" + mediation + "/members/" + leader, Map.of("role", "LEADER"))
                        .status())
                .isEqualTo(201);
        assertThat(http().put("/teams/" + mediation + "/members/" + member, Map.of("role", "MEMBER"))
                        .status())
                .isEqualTo(201);
        assertThat(http().put("/teams/" + mediation + "/members/" + member, Map.of("role", "MEMBER"))
                        .status())
                .as("idempotent")
                .isEqualTo(200);

        JsonNode view = http().get("/teams/" + teamId).json();
        assertThat(view.get("subTeams")).hasSize(6);
        assertThat(view.get("subTeams").findValues("memberCount"))
                .extracting(JsonNode::asLong)
                .contains(2L);
        assertThat(http().get("/volunteers/" + leader + "?reason=test")
                        .json()
                        .get("teams")
                        .get(0)
                        .get("role")
                        .asText())
                .isEqualTo("LEADER");
        assertThat(http().get("/volunteers?teamId=" + mediation).json())
                .extracting(v -> v.get("id").asText())
                .containsExactlyInAnyOrder(leader.toString(), member.toString());
        assertThat(http().get("/teams?communityId=" + community).json()).hasSize(1);

        Http.Response nested = http().post("/teams", Map.of("name", "小组", "parentTeamId", mediation.toString()));
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.problemField()).isEqualTo("parentTeamId");
        Http.Response twice = http().post("/teams", Map.of("name", "安全 safety", "parentTeamId", teamId.toString()));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemField()).isEqualTo("name");

        assertThat(http().delete("/teams/" + mediation + "/members/" + member).status())
                .isEqualTo(204);
        Http.Response again = http().delete("/teams/" + mediation + "/members/" + member);
        assertThat(again.status()).isEqualTo(404);
        assertThat(http().get("/teams/" + mediation + "/members").json()).hasSize(1);
    }

    @Test
    void flagsChangeThePointsOfHoursCreditedAfterwardsOnly() {
        UUID id = registerVolunteer(false, false);
        logHours(id, 60, today());

        Http.Response flagged =
                http().put("/volunteers/" + id + "/flags", Map.of("youngOld", false, "inHardship", true));
        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
        JsonNode second = logHours(id, 60, today());

        assertThat(second.get("pointsAwarded").asLong())
                .as("double for a volunteer in hardship")
                .isEqualTo(20);
        assertThat(balance(id)).isEqualTo(30);
        assertThat(only(eventsOf(id, has(PointsAwarded.class, 2)), PointsAwarded.class))
                .extracting(PointsAwarded::getPoints, PointsAwarded::getMultiplierPercent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10L, 100), org.assertj.core.groups.Tuple.tuple(20L, 200));
        assertThat(http().get("/points/accounts/" + id + "/transactions").json())
                .extracting(t -> t.get("points").asLong())
                .containsExactly(20L, 10L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing name             | name                                 | name            | ",
                "name too long            | name                                 | name            | 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
                "not a mobile number      | phone                                | phone           | 12345",
                "district code            | homeArea.districtCode                | homeArea        | {\"districtCode\":\"1101\"}",
                "street outside district  | homeArea.streetCode                  | homeArea        | {\"districtCode\":\"110112\",\"streetCode\":\"310101001\"}",
                "not a geohash            | homeArea.geohash                     | homeArea        | {\"districtCode\":\"110112\",\"geohash\":\"wx4a\"}",
                "missing home area        | homeArea                             | homeArea        | ",
                "skill not in the list    | skills[0]                            | skills          | [\"FLYING\"]",
                "skill UNKNOWN            | skills[0]                            | skills          | [\"UNKNOWN\"]",
                "language tag             | languages[0]                         | languages       | [\"english!\"]",
                "slot ends before start   | availability.weeklySlots[0].end      | availability    | {\"weeklySlots\":[{\"day\":\"MONDAY\",\"start\":\"11:00\",\"end\":\"09:00\"}]}",
                "slot day                 | availability.weeklySlots[0].day      | availability    | {\"weeklySlots\":[{\"day\":\"FUNDAY\",\"start\":\"09:00\",\"end\":\"11:00\"}]}",
                "slot time                | availability.weeklySlots[0].start    | availability    | {\"weeklySlots\":[{\"day\":\"MONDAY\",\"start\":\"9 o'clock\",\"end\":\"11:00\"}]}",
                "window in the past       | availability.oneOffWindows[0].end    | availability    | {\"oneOffWindows\":[{\"start\":\"2020-01-01T01:00:00Z\",\"end\":\"2020-01-01T03:00:00Z\"}]}",
                "too many hours a week    | availability.maxHoursPerWeek         | availability    | {\"maxHoursPerWeek\":200}",
                "flag is not a boolean    | youngOld                             | youngOld        | \"yes\"",
            })
    void badRegistrationsAreProblemsNamingTheField(String kase, String field, String property, String json) {
        Map<String, Object> body = registration("李明", false, false);
        if (json == null) {
            body.remove(property);
        } else if (property.equals("name") || property.equals("phone")) {
            body.put(property, json);
        } else {
            body.put(property, Http.JSON.readTree(json));
        }

        Http.Response r = http().post("/volunteers", body);

        assertThat(r.status()).as(kase + ": " + r).isEqualTo(400);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.problemField()).as(kase + ": " + r).isEqualTo(field);
    }

    @Test
    void otherBadRequestsAreProblemsTooAndNeverAServerError() {
        Map<String, Object> body = registration("赵敏", false, false);
        assertThat(http().post("/volunteers", body).status()).isEqualTo(201);
        Http.Response samePhone = http().post("/volunteers", body);
        assertThat(samePhone.status()).isEqualTo(409);
        assertThat(samePhone.problemField()).isEqualTo("phone");

        assertProblem(http().post("/volunteers", "{\"name\": "), 400, "body");
        assertProblem(http().get("/volunteers/" + UUID.randomUUID()), 404, "id");
        assertProblem(http().get("/volunteers/not-a-uuid"), 400, "id");
        assertProblem(http().get("/volunteers?limit=0"), 400, "limit");
        assertProblem(http().get("/volunteers?skill=FLYING"), 400, "skill");
        assertProblem(http().put("/volunteers/" + UUID.randomUUID() + "/availability", Map.of()), 404, "id");
        assertProblem(
                http().put("/volunteers/" + UUID.randomUUID() + "/flags", Map.of("youngOld", true)), 400, "inHardship");
        assertProblem(
                http().post(
                                "/teams",
                                Map.of(
                                        "name",
                                        "x",
                                        "parentTeamId",
                                        UUID.randomUUID().toString())),
                404,
                "parentTeamId");
        assertProblem(
                http().put("/teams/" + UUID.randomUUID() + "/members/" + UUID.randomUUID(), Map.of("role", "MEMBER")),
                404,
                "id");
        assertProblem(
                http().put("/teams/" + UUID.randomUUID() + "/members/" + UUID.randomUUID(), Map.of("role", "CAPTAIN")),
                400,
                "role");

        UUID v = registerVolunteer(false, false);
        assertProblem(
                http().post(
                                "/volunteers/" + v + "/hours",
                                Map.of(
                                        "minutes",
                                        60,
                                        "servedOn",
                                        today().plusDays(1).toString(),
                                        "stationId",
                                        HOURS_STATION.toString())),
                400,
                "servedOn");
        assertProblem(
                http().post(
                                "/volunteers/" + v + "/hours",
                                Map.of(
                                        "minutes",
                                        0,
                                        "servedOn",
                                        today().toString(),
                                        "stationId",
                                        HOURS_STATION.toString())),
                400,
                "minutes");
        assertProblem(
                http().post(
                                "/volunteers/" + v + "/hours",
                                Map.of(
                                        "minutes",
                                        1441,
                                        "servedOn",
                                        today().toString(),
                                        "stationId",
                                        HOURS_STATION.toString())),
                400,
                "minutes");
        assertProblem(
                http().post("/volunteers/" + v + "/hours", Map.of("minutes", 60, "servedOn", today().toString())),
                400,
                "stationId");
        assertProblem(
                http().post(
                                "/volunteers/" + v + "/hours",
                                Map.of("minutes", 60, "servedOn", "yesterday", "stationId", HOURS_STATION.toString())),
                400,
                "servedOn");
        assertProblem(
                http().post(
                                "/volunteers/" + UUID.randomUUID() + "/hours",
                                Map.of(
                                        "minutes",
                                        60,
                                        "servedOn",
                                        today().toString(),
                                        "stationId",
                                        HOURS_STATION.toString())),
                404,
                "id");

        assertProblem(http().get("/points/accounts/" + UUID.randomUUID()), 404, "id");
        assertProblem(
                http().post(
                                "/points/accounts/" + v + "/redemptions",
                                Map.of("rewardId", UUID.randomUUID().toString())),
                400,
                "Idempotency-Key");
        assertProblem(
                http().post(
                                "/points/accounts/" + v + "/redemptions",
                                Map.of("rewardId", UUID.randomUUID().toString()),
                                "Idempotency-Key",
                                "k-" + UUID.randomUUID()),
                404,
                "rewardId");
        assertProblem(
                http().post(
                                "/points/accounts/" + v + "/redemptions",
                                Map.of("rewardId", UUID.randomUUID().toString(), "quantity", 0),
                                "Idempotency-Key",
                                "k"),
                400,
                "quantity");
        assertProblem(
                http().post(
                                "/points/accounts/" + v + "/gifts",
                                Map.of("toAccountId", v.toString(), "points", 5),
                                "Idempotency-Key",
                                "g-" + UUID.randomUUID()),
                400,
                "toAccountId");
        assertProblem(
                http().post(
                                "/points/accounts/" + v + "/gifts",
                                Map.of("toAccountId", UUID.randomUUID().toString(), "points", -5),
                                "Idempotency-Key",
                                "g"),
                400,
                "points");
        assertProblem(
                http().post("/points/time-bank-accounts", Map.of("holder", "RELATIVE")), 400, "sponsorVolunteerId");
        assertProblem(http().post("/points/time-bank-accounts", Map.of("holder", "ISSUANCE")), 400, "holder");
        assertProblem(
                http().post(
                                "/rewards",
                                Map.of("donorId", UUID.randomUUID().toString(), "title", "t", "pointsCost", 10)),
                404,
                "donorId");
        assertProblem(
                http().post(
                                "/rewards",
                                Map.of("donorId", UUID.randomUUID().toString(), "title", "t", "pointsCost", -1)),
                400,
                "pointsCost");
        assertProblem(
                http().post(
                                "/points/rules",
                                Map.of(
                                        "pointsPerHour",
                                        0,
                                        "flagPercent",
                                        Map.of(),
                                        "difficultyPercent",
                                        Map.of("LIGHT", 100, "STANDARD", 100, "DEMANDING", 150, "SPECIALIST", 200),
                                        "defaultDifficulty",
                                        "STANDARD",
                                        "manualHoursEarnPoints",
                                        true)),
                400,
                "pointsPerHour");
        assertProblem(
                http().post(
                                "/points/rules",
                                Map.of(
                                        "pointsPerHour",
                                        10,
                                        "flagPercent",
                                        Map.of("TALL", 300),
                                        "difficultyPercent",
                                        Map.of(),
                                        "defaultDifficulty",
                                        "STANDARD",
                                        "manualHoursEarnPoints",
                                        true)),
                400,
                "flagPercent");
    }

    @Test
    void theServiceDocumentsItsApiAndReportsHealthAndMetrics() {
        JsonNode docs = http().get("/v3/api-docs").json();
        assertThat(docs.get("paths").propertyNames())
                .contains(
                        "/volunteers",
                        "/volunteers/{id}/availability",
                        "/volunteers/{id}/hours",
                        "/teams",
                        "/points/accounts/{id}",
                        "/points/accounts/{id}/redemptions",
                        "/points/accounts/{id}/gifts",
                        "/points/rules",
                        "/rewards",
                        "/donors");
        assertThat(http().get("/swagger-ui.html").status()).isIn(200, 302);
        assertThat(http().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        logHours(registerVolunteer(false, false), 30, today());
        assertThat(http().get("/actuator/prometheus").body())
                .contains("wushe_volunteer_hours_credits_total", "wushe_volunteer_points_awarded_total");
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.problemField()).as(r.toString()).isEqualTo(field);
    }
}
