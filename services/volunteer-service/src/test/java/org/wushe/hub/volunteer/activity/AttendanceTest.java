package org.wushe.hub.volunteer.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.wushe.hub.events.volunteer.HoursSource;
import org.wushe.hub.events.volunteer.ServiceHoursCredited;
import org.wushe.hub.events.volunteer.VolunteerCheckedIn;
import org.wushe.hub.events.volunteer.VolunteerCheckedOut;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.hours.HoursService;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import tools.jackson.databind.JsonNode;

/**
 * Check-in and check-out (签到/签退) over real HTTP with signed tokens, on the real PostgreSQL, Kafka and Debezium: the
 * venue's signed code refused when forged, expired, replayed or another activity's; hours rounded down to the half hour
 * and capped per day, none without a check-out, credited once with the points rules (double for the young-old); staff
 * check-in for a volunteer without a phone, never by another station's staff; corrections with a reason adjust the
 * hours once; the events carry ids and times only.
 */
class AttendanceTest extends ServiceScenario {

    private static final UUID STATION = UUID.fromString("6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d");
    private static final UUID OTHER_STATION = UUID.fromString("7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e");

    @Autowired
    private HoursService hours;

    @Autowired
    private Environment env;

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

    /** 08:00 in Shanghai two days from now: an attendance of up to 10 hours stays within one local day. */
    private Instant morning() {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI)
                .plusDays(2)
                .atTime(LocalTime.of(8, 0))
                .atZone(SHANGHAI)
                .toInstant();
    }

    private void moveTo(Instant t) {
        clock.advance(Duration.between(clock.instant(), t));
    }

    /** A station's activity (no approval, two positions of 10 places) from {@code start} for 3 hours. */
    private UUID publish(Instant start, boolean approval) {
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("duty", "引导居民 guiding residents");
        position.put("places", 10);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "CLEAN_UP");
        body.put("title", "社区大扫除 community clean-up");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(3, ChronoUnit.HOURS).toString());
        body.put("approvalRequired", approval);
        body.put("positions", List.of(position, Map.of("duty", "分发物资 handing out", "places", 10)));
        Http.Response r = station(STATION).post("/activities", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asText());
    }

    private UUID positionOf(UUID activity) {
        return UUID.fromString(http().get("/activities/" + activity)
                .json()
                .get("positions")
                .get(0)
                .get("id")
                .asText());
    }

    private UUID signUp(UUID activity, UUID volunteer, String status) {
        Http.Response r = volunteer(volunteer)
                .post(
                        "/activities/" + activity + "/sign-ups",
                        Map.of("positionId", positionOf(activity).toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("status").asText()).isEqualTo(status);
        return UUID.fromString(r.json().get("id").asText());
    }

    private String code(UUID activity, String kind) {
        Http.Response r = station(STATION).get("/activities/" + activity + "/venue-code?kind=" + kind);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("code").asText();
    }

    private Http.Response scan(UUID activity, UUID volunteer, String kind, String code) {
        return volunteer(volunteer)
                .post(
                        "/activities/" + activity + (kind.equals("CHECK_IN") ? "/check-in" : "/check-out"),
                        Map.of("code", code));
    }

    private static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
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

    /** The PNG QR code the staff's screen shows, read back with a QR reader. */
    private String scanPng(UUID activity, String kind) throws Exception {
        String port = env.getProperty("local.server.port");
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/activities/" + activity
                                        + "/venue-code.png?kind=" + kind))
                                .header(
                                        "Authorization",
                                        "Bearer "
                                                + TestTokens.token(
                                                        "staff-" + STATION,
                                                        Roles.STATION_STAFF,
                                                        Roles.STATION_ID,
                                                        STATION))
                                .header("Accept", "image/png")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
        assertThat(r.headers().firstValue("Venue-Code-Expires-At")).isPresent();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader()
                .decode(new BinaryBitmap(
                        new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
                .getText();
    }

    @Test
    void aForgedExpiredReplayedOrForeignCodeIsRefusedAndOnlyTheOrganizerShowsOne() throws Exception {
        Instant start = morning();
        UUID activity = publish(start, false);
        UUID other = publish(start, false);
        UUID v = registerVolunteer(false, false);
        UUID stranger = registerVolunteer(false, false);
        UUID late = registerVolunteer(false, false);
        signUp(activity, v, "CONFIRMED");
        UUID lateSignUp = signUp(activity, late, "CONFIRMED");
        moveTo(start.minus(10, ChronoUnit.MINUTES));

        // Only the organizer's staff get a code: another station's staff, a volunteer are 403 naming id.
        assertProblem(station(OTHER_STATION).get("/activities/" + activity + "/venue-code"), 403, "id", "may not");
        assertProblem(volunteer(v).get("/activities/" + activity + "/venue-code"), 403, "id", "may not");

        String code = code(activity, "CHECK_IN");
        String[] parts = code.split("\\.");
        // Forged: the payload changed (another activity), or signed with another key.
        byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
        payload[5] ^= 1;
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[1];
        assertProblem(scan(activity, v, "CHECK_IN", altered), 400, "code", "forged");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
        String otherKey = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal(Base64.getUrlDecoder().decode(parts[0])));
        assertProblem(scan(activity, v, "CHECK_IN", otherKey), 400, "code", "forged");
        assertProblem(scan(activity, v, "CHECK_IN", "not-a-code"), 400, "code", "not a venue code");
        // Another activity's code, the check-out code to check in, someone not signed up.
        assertProblem(scan(activity, v, "CHECK_IN", code(other, "CHECK_IN")), 400, "code", "of activity " + other);
        assertProblem(scan(activity, v, "CHECK_IN", code(activity, "CHECK_OUT")), 400, "code", "CHECK_OUT code");
        // A code for the other position only; a position not of the activity.
        String secondPosition = http().get("/activities/" + activity)
                .json()
                .get("positions")
                .get(1)
                .get("id")
                .asText();
        Http.Response forOther =
                station(STATION).get("/activities/" + activity + "/venue-code?positionId=" + secondPosition);
        assertThat(forOther.json().get("positionId").asText()).isEqualTo(secondPosition);
        assertProblem(
                scan(activity, v, "CHECK_IN", forOther.json().get("code").asText()),
                400,
                "code",
                "of position " + secondPosition);
        assertProblem(
                station(STATION).get("/activities/" + activity + "/venue-code?positionId=" + UUID.randomUUID()),
                404,
                "positionId",
                "no");
        assertProblem(scan(activity, stranger, "CHECK_IN", code), 409, "volunteerId", "no sign-up");
        // Staff cannot scan in place of a volunteer.
        assertProblem(
                station(STATION).post("/activities/" + activity + "/check-in", Map.of("code", code)),
                403,
                "volunteerId",
                "not a volunteer");

        // Expired: valid for 5 minutes.
        String stale = code(activity, "CHECK_IN");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertProblem(scan(activity, v, "CHECK_IN", stale), 400, "code", "expired");
        assertThat(rows("SELECT count(*) FROM attendance WHERE activity_id = ?", activity))
                .isZero();

        // The QR code shown at the venue, read by the phone, checks in.
        String shown = scanPng(activity, "CHECK_IN");
        JsonNode in = ok(scan(activity, v, "CHECK_IN", shown));
        assertThat(in.get("checkedInAt").asText()).isNotEmpty();
        assertThat(in.get("checkedInByStaff").asBoolean()).isFalse();
        // The same code again is a replay; another fresh code a second check-in: both 409.
        assertProblem(scan(activity, v, "CHECK_IN", shown), 409, "code", "replayed");
        assertProblem(scan(activity, v, "CHECK_IN", code(activity, "CHECK_IN")), 409, "code", "already");
        // A check-out before a check-in.
        assertProblem(scan(activity, late, "CHECK_OUT", code(activity, "CHECK_OUT")), 409, "code", "not checked in");
        assertProblem(
                station(STATION).post("/activities/" + activity + "/sign-ups/" + lateSignUp + "/check-out", Map.of()),
                409,
                "signUpId",
                "not checked in");

        // Checking out with a code: the same check-out code was not used for check-out yet, so a fresh one works once.
        clock.advance(Duration.ofMinutes(20));
        String out = code(activity, "CHECK_OUT");
        JsonNode done = ok(scan(activity, v, "CHECK_OUT", out));
        assertThat(done.get("creditedMinutes").asInt()).isZero(); // 20 minutes round down to none
        assertProblem(scan(activity, v, "CHECK_OUT", out), 409, "code", "replayed");
        assertProblem(scan(activity, v, "CHECK_OUT", code(activity, "CHECK_OUT")), 409, "code", "already");
        assertThat(totalMinutes(v)).isZero();
    }

    @Test
    void hoursAreRoundedDownToTheHalfHourCappedPerDayCreditedOnceWithDoublePointsForTheYoungOld() {
        Instant start = morning();
        UUID activity = publish(start, false);
        UUID youngOld = registerVolunteer(true, false);
        UUID plain = registerVolunteer(false, false);
        UUID allDay = registerVolunteer(false, false);
        UUID leftWithoutCheckOut = registerVolunteer(false, false);
        UUID s1 = signUp(activity, youngOld, "CONFIRMED");
        UUID s2 = signUp(activity, plain, "CONFIRMED");
        UUID s3 = signUp(activity, allDay, "CONFIRMED");
        signUp(activity, leftWithoutCheckOut, "CONFIRMED");
        moveTo(start);

        String in = code(activity, "CHECK_IN");
        ok(scan(activity, youngOld, "CHECK_IN", in));
        ok(scan(activity, plain, "CHECK_IN", in));
        ok(scan(activity, leftWithoutCheckOut, "CHECK_IN", in));
        JsonNode byStaff =
                ok(station(STATION).post("/activities/" + activity + "/sign-ups/" + s3 + "/check-in", Map.of()));
        assertThat(byStaff.get("checkedInByStaff").asBoolean()).isTrue();

        // 2 h 47 min: 2.5 hours. 10 points an hour, twice for the young-old.
        clock.advance(Duration.ofMinutes(167));
        String out = code(activity, "CHECK_OUT");
        assertThat(ok(scan(activity, youngOld, "CHECK_OUT", out))
                        .get("creditedMinutes")
                        .asInt())
                .isEqualTo(150);
        JsonNode plainOut = ok(scan(activity, plain, "CHECK_OUT", out));
        assertThat(plainOut.get("creditedMinutes").asInt()).isEqualTo(150);
        assertThat(plainOut.get("creditedHours").asDouble()).isEqualTo(2.5);
        assertThat(totalMinutes(youngOld)).isEqualTo(150);
        assertThat(balance(youngOld)).isEqualTo(50);
        assertThat(balance(plain)).isEqualTo(25);

        // 10 hours by staff: at most 8 a day.
        moveTo(start.plus(10, ChronoUnit.HOURS).plus(5, ChronoUnit.MINUTES));
        JsonNode capped =
                ok(station(STATION).post("/activities/" + activity + "/sign-ups/" + s3 + "/check-out", Map.of()));
        assertThat(capped.get("creditedMinutes").asInt()).isEqualTo(480);
        assertThat(capped.get("checkedOutByStaff").asBoolean()).isTrue();
        assertThat(totalMinutes(allDay)).isEqualTo(480);
        assertThat(balance(allDay)).isEqualTo(80);

        // Never checked out: no hours.
        assertThat(totalMinutes(leftWithoutCheckOut)).isZero();
        assertThat(rows("SELECT count(*) FROM service_hours WHERE volunteer_id = ?", leftWithoutCheckOut))
                .isZero();

        // A repeated check-out, by the volunteer or the staff, and a redelivered credit of the same check-out: once.
        assertProblem(scan(activity, youngOld, "CHECK_OUT", code(activity, "CHECK_OUT")), 409, "code", "already");
        assertProblem(
                station(STATION).post("/activities/" + activity + "/sign-ups/" + s1 + "/check-out", Map.of()),
                409,
                "signUpId",
                "already");
        assertThat(hours.creditActivity(new HoursService.ActivityHours(
                        s1,
                        youngOld,
                        150,
                        STATION,
                        null,
                        LocalDate.ofInstant(start, SHANGHAI),
                        "test",
                        null,
                        "checkout:" + s1)))
                .isEmpty();
        assertThat(rows("SELECT count(*) FROM service_hours WHERE sign_up_id = ?", s1))
                .isEqualTo(1);
        assertThat(totalMinutes(youngOld)).isEqualTo(150);
        assertThat(balance(youngOld)).isEqualTo(50);

        // The events: ids, times, by staff and minutes; no title, duty, name or phone.
        List<ConsumerRecord<String, byte[]>> records = recordsOf(activity, has(VolunteerCheckedOut.class, 3));
        List<SpecificRecord> events = records.stream()
                .<SpecificRecord>map(r -> codec.decode(r.value()))
                .toList();
        assertThat(only(events, VolunteerCheckedIn.class)).hasSize(4).anySatisfy(e -> {
            assertThat(e.getSignUpId()).isEqualTo(s3);
            assertThat(e.getByStaff()).isTrue();
            assertThat(e.getVolunteerId()).isEqualTo(allDay);
        });
        assertThat(only(events, VolunteerCheckedOut.class))
                .extracting(
                        VolunteerCheckedOut::getSignUpId,
                        VolunteerCheckedOut::getCreditedMinutes,
                        VolunteerCheckedOut::getByStaff)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(s1, 150, false),
                        org.assertj.core.groups.Tuple.tuple(s2, 150, false),
                        org.assertj.core.groups.Tuple.tuple(s3, 480, true));
        for (UUID v : List.of(youngOld, plain, allDay)) {
            JsonNode details = volunteer(v).get("/volunteers/" + v).json();
            for (ConsumerRecord<String, byte[]> r : records) {
                StringBuilder all = new StringBuilder(r.key()).append(new String(r.value(), StandardCharsets.UTF_8));
                for (Header h : r.headers()) {
                    all.append(new String(h.value() == null ? new byte[0] : h.value(), StandardCharsets.UTF_8));
                }
                assertThat(all.toString())
                        .doesNotContain(
                                "大扫除",
                                "clean-up",
                                "引导",
                                details.get("name").asText(),
                                details.get("phone").asText());
            }
        }
        ServiceHoursCredited credited = only(
                        eventsOf(youngOld, has(ServiceHoursCredited.class, 1)), ServiceHoursCredited.class)
                .get(0);
        assertThat(credited.getSource()).isEqualTo(HoursSource.ACTIVITY);
        assertThat(credited.getSignUpId()).isEqualTo(s1);
        assertThat(credited.getMinutes()).isEqualTo(150);
    }

    @Test
    void staffCheckInSomeoneWithoutAPhoneAndCorrectTimesWithAReasonAdjustingTheHoursOnce() {
        Instant start = morning();
        UUID activity = publish(start, false);
        UUID approval = publish(start, true);
        UUID v = registerVolunteer(false, false);
        UUID pendingVolunteer = registerVolunteer(false, false);
        UUID s = signUp(activity, v, "CONFIRMED");
        UUID pending = signUp(approval, pendingVolunteer, "PENDING");
        moveTo(start);
        String base = "/activities/" + activity + "/sign-ups/" + s;

        // Another station's staff, a community's staff and the volunteer may not check in or correct.
        assertProblem(station(OTHER_STATION).post(base + "/check-in", Map.of()), 403, "id", "may not");
        assertProblem(
                http().as(TestTokens.token("c-staff", Roles.COMMUNITY_STAFF, Roles.COMMUNITY_ID, UUID.randomUUID()))
                        .post(base + "/check-in", Map.of()),
                403,
                "id",
                "may not");
        assertProblem(volunteer(v).post(base + "/check-in", Map.of()), 403, "id", "may not");
        assertProblem(
                station(OTHER_STATION)
                        .post(
                                base + "/attendance/corrections",
                                Map.of("checkedOutAt", start.plusSeconds(3600).toString(), "reason", "忘记签退 forgot")),
                403,
                "id",
                "may not");
        assertThat(rows("SELECT count(*) FROM attendance WHERE sign_up_id = ?", s))
                .isZero();
        // A sign-up awaiting approval does not check in.
        assertProblem(
                station(STATION).post("/activities/" + approval + "/sign-ups/" + pending + "/check-in", Map.of()),
                409,
                "signUpId",
                "PENDING");

        JsonNode in = ok(station(STATION).post(base + "/check-in", Map.of()));
        assertThat(in.get("checkedInByStaff").asBoolean()).isTrue();
        assertThat(Instant.parse(in.get("checkedInAt").asText())).isBetween(start, start.plusSeconds(60));

        // The volunteer left without checking out; the staff give the check-out time, with a reason.
        clock.advance(Duration.ofHours(5));
        String corrections = base + "/attendance/corrections";
        assertProblem(
                station(STATION)
                        .post(
                                corrections,
                                Map.of("checkedOutAt", start.plusSeconds(3600).toString())),
                400,
                "reason",
                "");
        assertProblem(
                station(STATION)
                        .post(
                                corrections,
                                Map.of("checkedOutAt", start.plusSeconds(3600).toString(), "reason", "  ")),
                400,
                "reason",
                "");
        assertProblem(
                station(STATION)
                        .post(
                                corrections,
                                Map.of("checkedOutAt", start.minusSeconds(60).toString(), "reason", "x")),
                400,
                "checkedOutAt",
                "after the check-in");
        assertProblem(
                station(STATION)
                        .post(
                                corrections,
                                Map.of(
                                        "checkedOutAt",
                                        clock.instant().plusSeconds(60).toString(),
                                        "reason",
                                        "x")),
                400,
                "checkedOutAt",
                "future");
        JsonNode first = ok(station(STATION)
                .post(
                        corrections,
                        Map.of(
                                "checkedOutAt",
                                start.plus(190, ChronoUnit.MINUTES).toString(),
                                "reason",
                                "忘记签退 forgot to check out")));
        assertThat(first.get("creditedMinutes").asInt()).isEqualTo(180);
        assertThat(first.get("checkedOutByStaff").asBoolean()).isTrue();
        assertThat(totalMinutes(v)).isEqualTo(180);
        assertThat(balance(v)).isEqualTo(30);

        // Left earlier than said: 2 h 5 min is 2 hours; the hours go down by one correction entry, once.
        Map<String, Object> earlier =
                Map.of("checkedOutAt", start.plus(125, ChronoUnit.MINUTES).toString(), "reason", "提前离开 left at 10:05");
        JsonNode second = ok(station(STATION).post(corrections, earlier));
        assertThat(second.get("creditedMinutes").asInt()).isEqualTo(120);
        ok(station(STATION).post(corrections, earlier));
        assertThat(totalMinutes(v)).isEqualTo(120);
        assertThat(rows("SELECT count(*) FROM service_hours WHERE sign_up_id = ?", s))
                .isEqualTo(2);
        assertThat(rows("SELECT count(*) FROM service_hours WHERE sign_up_id = ? AND minutes = -60", s))
                .isEqualTo(1);
        assertThat(balance(v)).as("points already awarded stay").isEqualTo(30);

        // Came an hour earlier than the staff recorded: one more hour, credited once with its points.
        JsonNode third = ok(station(STATION)
                .post(
                        corrections,
                        Map.of(
                                "checkedInAt",
                                start.minus(60, ChronoUnit.MINUTES).toString(),
                                "reason",
                                "签到登记晚了 recorded late")));
        assertThat(third.get("creditedMinutes").asInt()).isEqualTo(180);
        assertThat(totalMinutes(v)).isEqualTo(180);
        assertThat(balance(v)).isEqualTo(40);

        // The log: who, when, why, before and after, for the volunteer to see too.
        JsonNode seen = ok(volunteer(v).get(base + "/attendance"));
        assertThat(seen.get("corrections")).hasSize(3);
        JsonNode log = seen.get("corrections").get(1);
        assertThat(log.get("correctedBy").asText()).isEqualTo("staff-" + STATION);
        assertThat(log.get("reason").asText()).isEqualTo("提前离开 left at 10:05");
        assertThat(log.get("checkedOutBefore").asText())
                .isEqualTo(start.plus(190, ChronoUnit.MINUTES).toString());
        assertThat(log.get("checkedOutAfter").asText())
                .isEqualTo(start.plus(125, ChronoUnit.MINUTES).toString());
        assertThat(log.get("minutesBefore").asInt()).isEqualTo(180);
        assertThat(log.get("minutesAfter").asInt()).isEqualTo(120);
        assertProblem(volunteer(pendingVolunteer).get(base + "/attendance"), 403, "signUpId", "may not");
        assertThat(jdbcRefusesChangesToTheLog(s)).isTrue();

        List<SpecificRecord> events = eventsOf(activity, has(VolunteerCheckedOut.class, 3));
        assertThat(only(events, VolunteerCheckedOut.class))
                .extracting(VolunteerCheckedOut::getCreditedMinutes, VolunteerCheckedOut::getCorrected)
                // The first check-out came with a correction (no earlier time corrected); the next two corrected it.
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(180, false),
                        org.assertj.core.groups.Tuple.tuple(120, true),
                        org.assertj.core.groups.Tuple.tuple(180, true));
        assertThat(only(events, VolunteerCheckedIn.class))
                .extracting(VolunteerCheckedIn::getCorrected)
                .containsExactly(false, true);
    }

    private boolean jdbcRefusesChangesToTheLog(UUID signUp) {
        try {
            jdbc.update("UPDATE attendance_correction SET reason = 'rewritten' WHERE sign_up_id = ?", signUp);
            return false;
        } catch (org.springframework.dao.DataAccessException e) {
            return e.getMessage().contains("attendance corrections are a log");
        }
    }
}
