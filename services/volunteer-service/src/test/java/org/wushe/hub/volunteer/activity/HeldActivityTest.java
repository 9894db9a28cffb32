package org.wushe.hub.volunteer.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.SignUpStatus;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.events.volunteer.HoursSource;
import org.wushe.hub.events.volunteer.ServiceHoursCredited;
import org.wushe.hub.events.volunteer.VolunteerCheckedIn;
import org.wushe.hub.events.volunteer.VolunteerCheckedOut;
import org.wushe.hub.events.volunteer.VolunteerSignedUp;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import tools.jackson.databind.JsonNode;

/**
 * An activity recorded after it was held (活动补录, POST /activities/held) over real HTTP with signed tokens, on the real
 * PostgreSQL, Kafka and Debezium: the hours and points exactly those a live check-out at the same times gives; the
 * events as if it had happened; every refusal a problem naming the field, nothing written; another station's staff
 * refused; a repeat with the same Idempotency-Key records nothing more.
 */
class HeldActivityTest extends ServiceScenario {

    private static final UUID STATION = UUID.fromString("8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f");
    private static final UUID OTHER_STATION = UUID.fromString("9d0e1f2a-3b4c-4d5e-9f6a-7b8c9d0e1f2a");
    private static final String REASON = "系统上线前举办，按签到表补录 held before the hub was in use, from the paper sign-in sheet";

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private Http station(UUID station) {
        return http().as(TestTokens.token("staff-" + station, Roles.STATION_STAFF, Roles.STATION_ID, station));
    }

    /** 09:00 in Shanghai {@code days} days before today. */
    private Instant morning(int daysAgo) {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI)
                .minusDays(daysAgo)
                .atTime(LocalTime.of(9, 0))
                .atZone(SHANGHAI)
                .toInstant();
    }

    private static Map<String, Object> attendance(Integer position, UUID volunteer, Instant in, Instant out) {
        Map<String, Object> a = new LinkedHashMap<>();
        if (position != null) {
            a.put("position", position);
        }
        a.put("volunteerId", volunteer.toString());
        a.put("checkedInAt", in.toString());
        a.put("checkedOutAt", out.toString());
        return a;
    }

    /** A clean-up from {@code start} for 3 hours: position 0 with 10 places, position 1 with 2. */
    private Map<String, Object> body(String title, Instant start, List<Map<String, Object>> attendances) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "CLEAN_UP");
        body.put("title", title);
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(3, ChronoUnit.HOURS).toString());
        body.put(
                "positions",
                List.of(
                        Map.of("duty", "清扫楼道 sweeping stairways", "places", 10),
                        Map.of("duty", "分发物资 handing out", "places", 2)));
        body.put("reason", REASON);
        body.put("attendances", attendances);
        return body;
    }

    private static void assertProblem(Http.Response r, int status, String field, String says) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.problemField()).as(r.toString()).isEqualTo(field);
        assertThat(r.body()).contains(says);
    }

    private long rows(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private long totalMinutes(UUID volunteer) {
        return rows("SELECT coalesce(sum(minutes), 0) FROM service_hours WHERE volunteer_id = ?", volunteer);
    }

    private long activitiesTitled(String title) {
        return rows("SELECT count(*) FROM activity WHERE title = ?", title);
    }

    @Test
    void hoursAndPointsAreThoseOfALiveCheckOutAtTheSameTimesAndTheEventsAsIfItHadHappened() {
        UUID youngOld = registerVolunteer(true, false);
        UUID plain = registerVolunteer(false, false);
        UUID handing = registerVolunteer(false, false);
        UUID live = registerVolunteer(false, false);
        Instant start = morning(3);
        // 2 h 47 min: 2.5 hours (rounded down to the half hour); 10 h over two days' shift: capped at 8 h the day.
        Http.Response r = station(STATION)
                .post(
                        "/activities/held",
                        body(
                                "补录大扫除 recorded clean-up",
                                start,
                                List.of(
                                        attendance(0, youngOld, start, start.plus(Duration.ofMinutes(167))),
                                        attendance(
                                                0,
                                                plain,
                                                start.minus(Duration.ofMinutes(10)),
                                                start.plus(Duration.ofMinutes(157))),
                                        attendance(
                                                1,
                                                handing,
                                                start.plus(Duration.ofMinutes(30)),
                                                start.plus(Duration.ofMinutes(90))))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Idempotent-Replayed")).hasValue("false");
        JsonNode held = r.json();
        UUID activity = UUID.fromString(held.get("activity").get("id").asText());
        assertThat(r.header("Location")).hasValue("/activities/" + activity);
        assertThat(held.get("reason").asText()).isEqualTo(REASON);
        assertThat(held.get("attendances")).hasSize(3);
        Map<String, JsonNode> byVolunteer = new LinkedHashMap<>();
        held.get("attendances")
                .forEach(a -> byVolunteer.put(a.get("volunteerId").asText(), a));
        JsonNode first = byVolunteer.get(youngOld.toString());
        assertThat(first.get("checkedInByStaff").asBoolean()).isTrue();
        assertThat(first.get("checkedOutByStaff").asBoolean()).isTrue();
        assertThat(Instant.parse(first.get("checkedInAt").asText())).isEqualTo(start);
        assertThat(first.get("creditedMinutes").asInt()).isEqualTo(150);
        assertThat(first.get("corrections")).hasSize(1);
        assertThat(first.get("corrections").get(0).get("reason").asText()).isEqualTo(REASON);
        assertThat(first.get("corrections").get(0).get("correctedBy").asText()).isEqualTo("staff-" + STATION);
        assertThat(byVolunteer.get(plain.toString()).get("creditedMinutes").asInt())
                .isEqualTo(150);
        assertThat(byVolunteer.get(handing.toString()).get("creditedMinutes").asInt())
                .isEqualTo(60);
        // The positions' places as taken; the activity reads like any other, ended.
        JsonNode read = http().get("/activities/" + activity).json();
        assertThat(read.get("positions").get(0).get("placesTaken").asInt()).isEqualTo(2);
        assertThat(read.get("positions").get(1).get("placesTaken").asInt()).isEqualTo(1);

        // Hours and points: 10 points an hour, twice for the young-old, credited as ACTIVITY hours of the sign-up.
        assertThat(totalMinutes(youngOld)).isEqualTo(150);
        assertThat(balance(youngOld)).isEqualTo(50);
        assertThat(totalMinutes(plain)).isEqualTo(150);
        assertThat(balance(plain)).isEqualTo(25);
        assertThat(totalMinutes(handing)).isEqualTo(60);
        assertThat(balance(handing)).isEqualTo(10);
        ServiceHoursCredited credited = only(
                        eventsOf(youngOld, has(ServiceHoursCredited.class, 1)), ServiceHoursCredited.class)
                .get(0);
        assertThat(credited.getSource()).isEqualTo(HoursSource.ACTIVITY);
        assertThat(credited.getMinutes()).isEqualTo(150);
        assertThat(credited.getSignUpId().toString())
                .isEqualTo(first.get("signUpId").asText());

        // The same times lived: signed up, checked in and out by staff as the clock goes: the same minutes and points.
        Map<String, Object> position = Map.of("duty", "清扫楼道 sweeping stairways", "places", 10);
        Instant liveStart = LocalDate.ofInstant(clock.instant(), SHANGHAI)
                .plusDays(2)
                .atTime(LocalTime.of(9, 0))
                .atZone(SHANGHAI)
                .toInstant();
        Map<String, Object> liveBody = new LinkedHashMap<>();
        liveBody.put("kind", "CLEAN_UP");
        liveBody.put("title", "大扫除 live clean-up");
        liveBody.put("startsAt", liveStart.toString());
        liveBody.put("endsAt", liveStart.plus(3, ChronoUnit.HOURS).toString());
        liveBody.put("positions", List.of(position));
        Http.Response published = station(STATION).post("/activities", liveBody);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        UUID liveActivity = UUID.fromString(published.json().get("id").asText());
        UUID livePosition = UUID.fromString(
                published.json().get("positions").get(0).get("id").asText());
        Http.Response signedUp = station(STATION)
                .post(
                        "/activities/" + liveActivity + "/sign-ups",
                        Map.of("positionId", livePosition.toString(), "volunteerId", live.toString()));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        String signUp = signedUp.json().get("id").asText();
        clock.advance(Duration.between(clock.instant(), liveStart));
        assertThat(station(STATION)
                        .post("/activities/" + liveActivity + "/sign-ups/" + signUp + "/check-in", Map.of())
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(167));
        Http.Response out =
                station(STATION).post("/activities/" + liveActivity + "/sign-ups/" + signUp + "/check-out", Map.of());
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.json().get("creditedMinutes").asInt()).isEqualTo(150);
        assertThat(totalMinutes(live)).isEqualTo(totalMinutes(plain));
        assertThat(balance(live)).isEqualTo(balance(plain));

        // The events, as if it had happened: published, three CONFIRMED sign-ups, checked in and out by staff.
        List<SpecificRecord> events = eventsOf(activity, has(VolunteerCheckedOut.class, 3));
        assertThat(only(events, ActivityPublished.class)).hasSize(1);
        assertThat(only(events, VolunteerSignedUp.class))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.getStatus()).isEqualTo(SignUpStatus.CONFIRMED));
        assertThat(only(events, VolunteerCheckedIn.class)).hasSize(3).allSatisfy(e -> {
            assertThat(e.getByStaff()).isTrue();
            assertThat(e.getCorrected()).isFalse();
        });
        assertThat(only(events, VolunteerCheckedOut.class))
                .hasSize(3)
                .anySatisfy(e -> {
                    assertThat(e.getVolunteerId()).isEqualTo(youngOld);
                    assertThat(e.getCheckedInAt()).isEqualTo(start);
                    assertThat(e.getCheckedOutAt()).isEqualTo(start.plus(Duration.ofMinutes(167)));
                    assertThat(e.getCreditedMinutes()).isEqualTo(150);
                })
                .allSatisfy(e -> assertThat(e.getByStaff()).isTrue());
        assertThat(rows("SELECT count(*) FROM held_activity WHERE activity_id = ? AND reason = ?", activity, REASON))
                .isEqualTo(1);
    }

    @Test
    void eachRefusalIsAProblemNamingTheFieldAndWritesNothing() {
        UUID v = registerVolunteer(false, false);
        UUID w = registerVolunteer(false, false);
        UUID x = registerVolunteer(false, false);
        UUID gone = registerVolunteer(false, false);
        Http.Response erased = http().as(TestTokens.token("vol-" + gone, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, gone))
                .delete("/volunteers/me");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        Instant start = morning(2);
        Instant end = start.plus(2, ChronoUnit.HOURS);
        String title = "被拒的补录 refused record";
        Http staff = station(STATION);

        // Not ended yet, or started too long ago.
        Instant now = clock.instant();
        assertProblem(
                staff.post("/activities/held", body(title, now.minus(1, ChronoUnit.HOURS), List.of())),
                400,
                "endsAt",
                "ended");
        assertProblem(staff.post("/activities/held", body(title, morning(31), List.of())), 400, "startsAt", "30");
        // No reason.
        Map<String, Object> noReason = body(title, start, List.of(attendance(0, v, start, end)));
        noReason.put("reason", " ");
        assertProblem(staff.post("/activities/held", noReason), 400, "reason", "");
        // Check-out before check-in; check-in far outside the position; check-out in the future is impossible here
        // (the activity ended), so far after the position.
        assertProblem(
                staff.post(
                        "/activities/held",
                        body(title, start, List.of(attendance(0, v, start, end), attendance(0, w, end, start)))),
                400,
                "attendances[1].checkedOutAt",
                "after");
        assertProblem(
                staff.post(
                        "/activities/held",
                        body(title, start, List.of(attendance(0, v, start.minus(3, ChronoUnit.HOURS), end)))),
                400,
                "attendances[0].checkedInAt",
                "2");
        assertProblem(
                staff.post(
                        "/activities/held",
                        body(title, start, List.of(attendance(0, v, start, start.plus(6, ChronoUnit.HOURS))))),
                400,
                "attendances[0].checkedOutAt",
                "2");
        // A volunteer twice; more than the places; a position that is not there; none named among two.
        assertProblem(
                staff.post(
                        "/activities/held",
                        body(title, start, List.of(attendance(0, v, start, end), attendance(1, v, start, end)))),
                400,
                "attendances[1].volunteerId",
                "attendances[0]");
        assertProblem(
                staff.post(
                        "/activities/held",
                        body(
                                title,
                                start,
                                List.of(
                                        attendance(1, v, start, end),
                                        attendance(1, w, start, end),
                                        attendance(1, x, start, end)))),
                400,
                "attendances[2].position",
                "2");
        assertProblem(
                staff.post("/activities/held", body(title, start, List.of(attendance(2, v, start, end)))),
                400,
                "attendances[0].position",
                "2");
        assertProblem(
                staff.post("/activities/held", body(title, start, List.of(attendance(null, v, start, end)))),
                400,
                "attendances[0].position",
                "2");
        // A volunteer not registered, or erased.
        assertProblem(
                staff.post(
                        "/activities/held",
                        body(
                                title,
                                start,
                                List.of(attendance(0, v, start, end), attendance(0, UUID.randomUUID(), start, end)))),
                404,
                "attendances[1].volunteerId",
                "");
        assertProblem(
                staff.post("/activities/held", body(title, start, List.of(attendance(0, gone, start, end)))),
                404,
                "attendances[0].volunteerId",
                "erased");
        // A position needing a qualification the volunteer did not hold.
        Map<String, Object> firstAid = body(title, start, List.of(attendance(0, v, start, end)));
        firstAid.put("positions", List.of(Map.of("duty", "急救 first aid", "places", 2, "qualification", "FIRST_AID")));
        assertProblem(staff.post("/activities/held", firstAid), 409, "attendances[0].volunteerId", "FIRST_AID");
        // A position needing a skill the volunteer has not declared (they declared home repair and electrical work).
        Map<String, Object> medical = body(title, start, List.of(attendance(0, v, start, end)));
        medical.put(
                "positions", List.of(Map.of("duty", "量血压 blood pressure", "places", 2, "skills", List.of("MEDICAL"))));
        assertProblem(staff.post("/activities/held", medical), 409, "attendances[0].volunteerId", "MEDICAL");
        // A check-out in the future: the activity ended an hour ago, the volunteer stayed on past now.
        Instant endedAnHourAgo = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        assertProblem(
                staff.post(
                        "/activities/held",
                        body(
                                title,
                                endedAnHourAgo.minus(3, ChronoUnit.HOURS),
                                List.of(attendance(
                                        0,
                                        v,
                                        endedAnHourAgo.minus(2, ChronoUnit.HOURS),
                                        clock.instant().plus(30, ChronoUnit.MINUTES))))),
                400,
                "attendances[0].checkedOutAt",
                "");
        assertThat(activitiesTitled(title)).as("nothing written on a refusal").isZero();
        assertThat(totalMinutes(v)).isZero();

        // Somewhere else at the time: recorded at another activity from 10:00 to 11:00.
        Http.Response elsewhere = staff.post(
                "/activities/held",
                body(
                        "补录的另一活动 recorded elsewhere",
                        start,
                        List.of(attendance(0, v, start.plus(1, ChronoUnit.HOURS), end))));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(201);
        assertProblem(
                staff.post(
                        "/activities/held",
                        body(title, start, List.of(attendance(0, w, start, end), attendance(0, v, start, end)))),
                409,
                "attendances[1].checkedInAt",
                elsewhere.json().get("activity").get("id").asText());
        assertThat(activitiesTitled(title)).isZero();
        assertThat(totalMinutes(w)).isZero();
        assertThat(totalMinutes(v)).isEqualTo(60);
    }

    @Test
    void onlyThoseWhoMayPublishItRecordIt() {
        UUID v = registerVolunteer(false, false);
        Instant start = morning(1);
        String title = "别站补录 another station's record";
        Map<String, Object> forStation = body(title, start, List.of(attendance(0, v, start, start.plusSeconds(3600))));
        forStation.put("publisher", Map.of("kind", "STATION", "id", STATION.toString()));
        assertProblem(station(OTHER_STATION).post("/activities/held", forStation), 403, "publisher.id", "");
        assertProblem(
                http().as(TestTokens.token("vol-" + v, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, v))
                        .post(
                                "/activities/held",
                                body(title, start, List.of(attendance(0, v, start, start.plusSeconds(3600))))),
                403,
                "publisher",
                "");
        assertThat(activitiesTitled(title)).isZero();
        assertThat(totalMinutes(v)).isZero();
    }

    @Test
    void aRepeatWithTheSameKeyRecordsNothingMoreAndTheKeyWithAnotherRequestIsRefused() {
        UUID v = registerVolunteer(false, false);
        Instant start = morning(5);
        String title = "重发的补录 repeated record";
        Map<String, Object> body =
                body(title, start, List.of(attendance(0, v, start, start.plus(2, ChronoUnit.HOURS))));
        String key = "held-" + UUID.randomUUID();
        Http.Response first = station(STATION).post("/activities/held", body, "Idempotency-Key", key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Http.Response again = station(STATION).post("/activities/held", body, "Idempotency-Key", key);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
        assertThat(again.json().get("activity").get("id").asText())
                .isEqualTo(first.json().get("activity").get("id").asText());
        assertThat(again.json().get("attendances").get(0).get("signUpId").asText())
                .isEqualTo(
                        first.json().get("attendances").get(0).get("signUpId").asText());
        assertThat(activitiesTitled(title)).isEqualTo(1);
        assertThat(totalMinutes(v)).isEqualTo(120);
        assertThat(balance(v)).isEqualTo(20);

        // Another station's key space is its own; the same key with another request: 422 naming the header.
        List<Map<String, Object>> more = new ArrayList<>(List.of(attendance(0, v, start, start.plusSeconds(3600))));
        more.add(attendance(0, registerVolunteer(false, false), start, start.plusSeconds(3600)));
        assertProblem(
                station(STATION).post("/activities/held", body(title, start, more), "Idempotency-Key", key),
                422,
                "Idempotency-Key",
                "");
        assertThat(activitiesTitled(title)).isEqualTo(1);
        // Without a key, each request is a record of its own (here refused: the volunteer was there already).
        assertProblem(station(STATION).post("/activities/held", body), 409, "attendances[0].checkedInAt", "");
    }

    @Test
    void aTrainingRecordedAfterItWasHeldGrantsItsQualification() {
        UUID v = registerVolunteer(false, false);
        Instant start = morning(4);
        Map<String, Object> body = body(
                "急救培训补录 first-aid training", start, List.of(attendance(0, v, start, start.plus(3, ChronoUnit.HOURS))));
        body.put("kind", "TRAINING");
        body.put("grantsQualification", "FIRST_AID");
        Http.Response r = station(STATION).post("/activities/held", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(rows(
                        "SELECT count(*) FROM volunteer_qualification WHERE volunteer_id = ? AND code = 'FIRST_AID' AND granted_at = ?",
                        v,
                        java.sql.Timestamp.from(start.plus(3, ChronoUnit.HOURS))))
                .isEqualTo(1);
        assertThat(totalMinutes(v)).isEqualTo(180);
    }
}
