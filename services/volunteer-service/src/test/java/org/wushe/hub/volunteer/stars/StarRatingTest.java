package org.wushe.hub.volunteer.stars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import org.wushe.hub.volunteer.support.UpstreamEvents;
import tools.jackson.databind.JsonNode;

/**
 * Star ratings (星级志愿者) on the real stack: crossing 100 h gives 1★ (shown to the volunteer and to the staff of a station
 * they serve, not to another station's), a correction that takes hours back below the threshold keeps the star under the
 * shipped rules and drops it under a version that says so, and a redelivered completion changes nothing.
 */
class StarRatingTest extends ServiceScenario {

    private static final UUID STATION = UUID.fromString("8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f");
    private static final UUID OTHER_STATION = UUID.fromString("9d0e1f2a-3b4c-4d5e-9f6a-7b8c9d0e1f2a");

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private Http station(UUID station) {
        return http().as(TestTokens.token("staff-" + station, Roles.STATION_STAFF, Roles.STATION_ID, station));
    }

    private Http volunteer(UUID id) {
        return http().as(TestTokens.token("vol-" + id, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, id));
    }

    private static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r.json();
    }

    private long rows(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** 99 hours logged by hand at {@link ServiceScenario#HOURS_STATION}: one hour short of 1★. */
    private void ninetyNineHours(UUID v) {
        for (int day = 0; day < 4; day++) {
            logHours(v, 24 * 60, today().minusDays(day));
        }
        logHours(v, 180, today().minusDays(4));
    }

    private JsonNode starOf(UUID v) {
        return ok(volunteer(v).get("/volunteers/" + v)).get("star");
    }

    /**
     * The volunteer attends a 3-hour activity of {@link #STATION} (checked in and out by staff) for {@code minutes}, two days
     * from now; returns the path of their sign-up there. The clock is then at the check-out.
     */
    private String attend(UUID v, int minutes) {
        Instant start = LocalDate.ofInstant(clock.instant(), SHANGHAI)
                .plusDays(2)
                .atTime(LocalTime.of(8, 0))
                .atZone(SHANGHAI)
                .toInstant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "CLEAN_UP");
        body.put("title", "社区大扫除 community clean-up");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(3, ChronoUnit.HOURS).toString());
        body.put("positions", List.of(Map.of("duty", "清扫楼道 sweeping stairwells", "places", 10)));
        UUID activity = UUID.fromString(
                ok(station(STATION).post("/activities", body)).get("id").asText());
        String position = ok(http().get("/activities/" + activity))
                .get("positions")
                .get(0)
                .get("id")
                .asText();
        String signUp = ok(volunteer(v).post("/activities/" + activity + "/sign-ups", Map.of("positionId", position)))
                .get("id")
                .asText();
        String base = "/activities/" + activity + "/sign-ups/" + signUp;
        clock.advance(Duration.between(clock.instant(), start));
        ok(station(STATION).post(base + "/check-in", Map.of()));
        clock.advance(Duration.ofMinutes(minutes));
        ok(station(STATION).post(base + "/check-out", Map.of()));
        return base;
    }

    @Test
    void crossingTheThresholdGivesTheStarAndACorrectionDownKeepsItUnderTheShippedRules() {
        UUID v = registerVolunteer(false, false);
        assertThat(starOf(v).get("stars").asInt()).isZero();
        ninetyNineHours(v);
        JsonNode short1 = starOf(v);
        assertThat(short1.get("stars").asInt()).isZero();
        assertThat(short1.get("nextThresholdHours").asInt()).isEqualTo(100);

        String base = attend(v, 120);
        JsonNode star = starOf(v);
        assertThat(star.get("stars").asInt()).isEqualTo(1);
        assertThat(star.get("label").asText()).isEqualTo("★");
        assertThat(star.get("totalHours").asDouble()).isEqualTo(101.0);
        assertThat(star.get("nextThresholdHours").asInt()).isEqualTo(300);
        assertThat(rows(
                        "SELECT count(*) FROM star_change WHERE volunteer_id = ? AND stars_after = 1 AND cause = 'CREDIT'",
                        v))
                .isEqualTo(1);

        // The staff of a station the volunteer serves see the star with the details; another station's staff see
        // nothing.
        JsonNode seen = ok(station(HOURS_STATION).get("/volunteers/" + v + "?reason=star-review"));
        assertThat(seen.get("star").get("stars").asInt()).isEqualTo(1);
        assertThat(station(OTHER_STATION).get("/volunteers/" + v + "?reason=x").status())
                .isEqualTo(403);

        // The volunteer left after 30 minutes, not 2 hours: 99.5 h. The shipped rules keep the star reached.
        Instant checkedIn = Instant.parse(ok(station(STATION).get(base + "/attendance"))
                .get("checkedInAt")
                .asText());
        ok(station(STATION)
                .post(
                        base + "/attendance/corrections",
                        Map.of(
                                "checkedOutAt",
                                checkedIn.plus(30, ChronoUnit.MINUTES).toString(),
                                "reason",
                                "提前离开 left early")));
        JsonNode kept = starOf(v);
        assertThat(kept.get("totalHours").asDouble()).isEqualTo(99.5);
        assertThat(kept.get("stars").asInt()).isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM star_change WHERE volunteer_id = ?", v))
                .isEqualTo(1);
    }

    @Test
    void underRulesThatSaySoACorrectionBelowTheThresholdDropsTheStar() {
        UUID v = registerVolunteer(false, false);
        ninetyNineHours(v);

        // Bad rules are refused naming the field; only the hub admin adds a version.
        Http.Response bad = http().post("/stars/rules", Map.of("thresholdHours", List.of(100, 100)));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.problemField()).isEqualTo("thresholdHours[1]");
        assertThat(station(STATION)
                        .post("/stars/rules", Map.of("thresholdHours", List.of(100), "keepOnCorrection", false))
                        .status())
                .isEqualTo(403);
        int version = ok(http().post(
                                "/stars/rules",
                                Map.of(
                                        "thresholdHours",
                                        List.of(100, 300, 600, 1000, 1500),
                                        "keepOnCorrection",
                                        false,
                                        "note",
                                        "本地规则：时长更正后低于门槛则取消星级")))
                .get("version")
                .asInt();
        try {
            assertThat(ok(http().get("/stars/rules/current")).get("version").asInt())
                    .isEqualTo(version);
            String base = attend(v, 120);
            assertThat(starOf(v).get("stars").asInt()).isEqualTo(1);
            Instant checkedIn = Instant.parse(ok(station(STATION).get(base + "/attendance"))
                    .get("checkedInAt")
                    .asText());
            ok(station(STATION)
                    .post(
                            base + "/attendance/corrections",
                            Map.of(
                                    "checkedOutAt",
                                    checkedIn.plus(30, ChronoUnit.MINUTES).toString(),
                                    "reason",
                                    "提前离开 left early")));
            JsonNode dropped = starOf(v);
            assertThat(dropped.get("totalHours").asDouble()).isEqualTo(99.5);
            assertThat(dropped.get("stars").asInt()).isZero();
            assertThat(rows(
                            "SELECT count(*) FROM star_change WHERE volunteer_id = ? AND stars_before = 1 AND stars_after = 0 "
                                    + "AND cause = 'CORRECTION' AND rule_version = ?",
                            v,
                            version))
                    .isEqualTo(1);
        } finally {
            // Back to the shipped rules for the other tests (a newer version, as a locality would add it), effective
            // now:
            // the version above took effect before the clock moved on.
            clock.reset();
            ok(http().post(
                            "/stars/rules",
                            Map.of("thresholdHours", List.of(100, 300, 600, 1000, 1500), "keepOnCorrection", true)));
        }
    }

    @Test
    void aRedeliveredCompletionChangesNothing() {
        UUID v = registerVolunteer(false, false);
        ninetyNineHours(v);
        UUID match = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        Upstream matching = Upstream.matching(codec);
        matching.publish(Aggregate.MATCH, match, UpstreamEvents.matchCompleted(match, need, v, 90, clock.instant()));
        await().atMost(WAIT).until(() -> starOf(v).get("stars").asInt() == 1);
        JsonNode first = starOf(v);
        assertThat(first.get("totalHours").asDouble()).isEqualTo(100.5);

        double alreadyBefore =
                counter("wushe.volunteer.hours.credits", "source", "MATCH", "outcome", "already-credited");
        matching.publish(Aggregate.MATCH, match, UpstreamEvents.matchCompleted(match, need, v, 90, clock.instant()));
        await().atMost(WAIT)
                .until(() -> counter("wushe.volunteer.hours.credits", "source", "MATCH", "outcome", "already-credited")
                        > alreadyBefore);
        JsonNode after = starOf(v);
        assertThat(after.get("stars").asInt()).isEqualTo(1);
        assertThat(after.get("totalHours").asDouble()).isEqualTo(100.5);
        assertThat(after.get("since").asText()).isEqualTo(first.get("since").asText());
        assertThat(rows("SELECT count(*) FROM star_change WHERE volunteer_id = ?", v))
                .isEqualTo(1);
    }

    @Test
    void thresholdsCountWholeMinutesAndMustRise() {
        StarRules shipped = new StarRules(1, List.of(100, 300, 600, 1000, 1500), true, Instant.EPOCH, null);
        assertThat(shipped.starsFor(100 * 60 - 1)).isZero();
        assertThat(shipped.starsFor(100 * 60)).isEqualTo(1);
        assertThat(shipped.starsFor(1500 * 60)).isEqualTo(5);
        assertThat(shipped.nextThresholdHours(5)).isNull();
        assertThat(shipped.violations()).isEmpty();
        assertThat(new StarRules(0, List.of(300, 100), true, Instant.EPOCH, null).violations())
                .extracting(org.wushe.hub.volunteer.web.RuleViolation::field)
                .containsExactly("thresholdHours[1]");
        assertThat(new StarRules(0, List.of(), true, Instant.EPOCH, null).violations())
                .extracting(org.wushe.hub.volunteer.web.RuleViolation::field)
                .containsExactly("thresholdHours");
    }
}
