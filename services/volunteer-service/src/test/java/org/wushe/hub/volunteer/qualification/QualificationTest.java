package org.wushe.hub.volunteer.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.volunteer.QualificationGranted;
import org.wushe.hub.events.volunteer.QualificationSource;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import tools.jackson.databind.JsonNode;

/**
 * Training and qualifications (培训与资质, #15 item 5) over real HTTP with signed tokens, on the real PostgreSQL, Kafka and
 * Debezium: the catalogue kept by centre managers and station staff; a TRAINING activity granting a qualification at
 * check-out, once, valid for the catalogue's months; a position requiring it refusing sign-ups (409 naming
 * {@code qualification}) without it or when it expires before the position ends, and taking them with it; a code not in
 * the catalogue 400 naming the field; staff recording one obtained elsewhere, only for a volunteer of their station, the
 * certificate number sealed and published nowhere.
 */
class QualificationTest extends ServiceScenario {

    private static final UUID STATION = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
    private static final UUID OTHER_STATION = UUID.fromString("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a");

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

    private Http centreManager() {
        return http().as(TestTokens.token("manager", Roles.CENTRE_MANAGER, Roles.CENTRE_ID, UUID.randomUUID()));
    }

    /** A code no other test uses: the catalogue is shared by the whole run. */
    private static String freshCode(String prefix) {
        return prefix + "_"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
                        .toUpperCase();
    }

    /** 08:00 in Shanghai {@code days} days from now. */
    private Instant morning(int days) {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI)
                .plusDays(days)
                .atTime(LocalTime.of(8, 0))
                .atZone(SHANGHAI)
                .toInstant();
    }

    private void moveTo(Instant t) {
        clock.advance(Duration.between(clock.instant(), t));
    }

    private Map<String, Object> activity(String kind, Instant start, String grants, String requires) {
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("duty", "协助 helping");
        position.put("places", 10);
        if (requires != null) {
            position.put("qualification", requires);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("title", "急救培训 first-aid training");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(3, ChronoUnit.HOURS).toString());
        body.put("positions", List.of(position));
        if (grants != null) {
            body.put("grantsQualification", grants);
        }
        return body;
    }

    private UUID publish(String kind, Instant start, String grants, String requires) {
        Http.Response r = station(STATION).post("/activities", activity(kind, start, grants, requires));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode grantsNode = r.json().get("grantsQualification");
        assertThat(grantsNode == null || grantsNode.isNull() ? null : grantsNode.asText())
                .isEqualTo(grants);
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

    private Http.Response signUp(UUID activity, UUID volunteer) {
        return volunteer(volunteer)
                .post(
                        "/activities/" + activity + "/sign-ups",
                        Map.of("positionId", positionOf(activity).toString()));
    }

    private static JsonNode status(Http.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r.json();
    }

    private static void assertProblem(Http.Response r, int status, String field, String says) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.problemField()).as(r.toString()).isEqualTo(field);
        assertThat(r.body()).contains(says);
    }

    private Map<String, Object> newQualification(String code, int months) {
        return Map.of("code", code, "nameZh", "心肺复苏", "nameEn", "CPR", "validityMonths", months);
    }

    private long grants(UUID volunteer) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM volunteer_qualification WHERE volunteer_id = ?", Long.class, volunteer);
    }

    @Test
    void theCatalogueIsKeptByManagersAndAPositionOrTrainingNamesOnlyItsCodes() {
        String code = freshCode("CPR");
        UUID v = registerVolunteer(false, false);

        // Who adds: centre managers and station staff; not a volunteer, not community staff.
        assertProblem(
                volunteer(v).post("/qualifications", newQualification(code, 12)),
                403,
                "POST /qualifications",
                "may not");
        assertProblem(
                http().as(TestTokens.token("c", Roles.COMMUNITY_STAFF, Roles.COMMUNITY_ID, UUID.randomUUID()))
                        .post("/qualifications", newQualification(code, 12)),
                403,
                "POST /qualifications",
                "may not");
        JsonNode created = status(centreManager().post("/qualifications", newQualification(code, 12)), 201);
        assertThat(created.get("code").asText()).isEqualTo(code);
        assertThat(created.get("validityMonths").asInt()).isEqualTo(12);
        assertProblem(station(STATION).post("/qualifications", newQualification(code, 24)), 409, "code", "already");
        status(station(STATION).post("/qualifications", newQualification(freshCode("AED"), 24)), 201);
        // Bad input names the field.
        assertProblem(centreManager().post("/qualifications", newQualification("first aid", 12)), 400, "code", "");
        assertProblem(
                centreManager().post("/qualifications", newQualification(freshCode("X"), 0)),
                400,
                "validityMonths",
                "");
        // Anyone signed in reads it, with both names.
        JsonNode catalogue = status(volunteer(v).get("/qualifications"), 200);
        Set<String> codes = java.util.stream.StreamSupport.stream(catalogue.spliterator(), false)
                .map(q -> q.get("code").asText())
                .collect(Collectors.toSet());
        assertThat(codes).contains(code, "FIRST_AID");
        assertThat(status(volunteer(v).get("/qualifications/" + code), 200)
                        .get("nameEn")
                        .asText())
                .isEqualTo("CPR");
        assertProblem(volunteer(v).get("/qualifications/NO_SUCH_CODE"), 404, "code", "NO_SUCH_CODE");
        assertThat(http().anonymous().get("/qualifications").status()).isEqualTo(401);

        Instant start = morning(3);
        // A forged (uncatalogued) code: 400 naming the field, whether a position requires it or a training grants it.
        assertProblem(
                station(STATION).post("/activities", activity("CLEAN_UP", start, null, "FORGED_CODE")),
                400,
                "positions[0].qualification",
                "FORGED_CODE");
        assertProblem(
                station(STATION).post("/activities", activity("TRAINING", start, "NOT_IN_CATALOGUE", null)),
                400,
                "grantsQualification",
                "NOT_IN_CATALOGUE");
        // Only a TRAINING grants one.
        assertProblem(
                station(STATION).post("/activities", activity("CLEAN_UP", start, code, null)),
                400,
                "grantsQualification",
                "TRAINING");
        // A change is held to the same rules.
        UUID training = publish("TRAINING", start, code, null);
        assertProblem(
                station(STATION).put("/activities/" + training, activity("FREE_CLINIC", start, code, null)),
                400,
                "grantsQualification",
                "TRAINING");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM activity WHERE grants_qualification IS NOT NULL AND kind <> 'TRAINING'",
                        Long.class))
                .isZero();
    }

    @Test
    void aTrainingAttendedGrantsTheQualificationOnceWhichOpensThePositionsRequiringItUntilItExpires() {
        String code = freshCode("CPR");
        status(centreManager().post("/qualifications", newQualification(code, 12)), 201);
        Instant start = morning(2);
        UUID training = publish("TRAINING", start, code, null);
        UUID clinic = publish("FREE_CLINIC", morning(30), null, code);
        UUID v = registerVolunteer(false, false);
        UUID absent = registerVolunteer(false, false);

        // Without it: 409 naming qualification; the volunteer's list is empty.
        assertProblem(signUp(clinic, v), 409, "qualification", "does not hold");
        assertThat(status(volunteer(v).get("/volunteers/" + v + "/qualifications"), 200))
                .isEmpty();

        UUID signUp = UUID.fromString(status(signUp(training, v), 201).get("id").asText());
        UUID absentSignUp =
                UUID.fromString(status(signUp(training, absent), 201).get("id").asText());
        moveTo(start);
        String base = "/activities/" + training + "/sign-ups/";
        status(station(STATION).post(base + signUp + "/check-in", Map.of()), 200);
        status(station(STATION).post(base + absentSignUp + "/check-in", Map.of()), 200);
        clock.advance(Duration.ofMinutes(125));
        JsonNode out = status(station(STATION).post(base + signUp + "/check-out", Map.of()), 200);
        Instant checkedOut = Instant.parse(out.get("checkedOutAt").asText());
        Instant expected = checkedOut.atZone(SHANGHAI).plusMonths(12).toInstant();

        // Granted with the right validity: check-out + 12 months.
        JsonNode held = status(volunteer(v).get("/volunteers/" + v + "/qualifications"), 200);
        assertThat(held).hasSize(1);
        assertThat(held.get(0).get("code").asText()).isEqualTo(code);
        assertThat(held.get(0).get("nameZh").asText()).isEqualTo("心肺复苏");
        assertThat(held.get(0).get("source").asText()).isEqualTo("TRAINING");
        assertThat(held.get(0).get("activityId").asText()).isEqualTo(training.toString());
        assertThat(Instant.parse(held.get(0).get("grantedAt").asText())).isEqualTo(checkedOut);
        assertThat(Instant.parse(held.get(0).get("validUntil").asText())).isEqualTo(expected);
        assertThat(held.get(0).get("valid").asBoolean()).isTrue();
        // Checked in but never out: nothing granted (both ends needed).
        assertThat(grants(absent)).isZero();

        // Never twice: a second check-out is refused, a correction of the check-out time grants nothing more.
        assertProblem(station(STATION).post(base + signUp + "/check-out", Map.of()), 409, "signUpId", "already");
        status(
                station(STATION)
                        .post(
                                base + signUp + "/attendance/corrections",
                                Map.of(
                                        "checkedOutAt",
                                        checkedOut.minus(5, ChronoUnit.MINUTES).toString(),
                                        "reason",
                                        "签退时间登记有误 wrong check-out time")),
                200);
        assertThat(grants(v)).isEqualTo(1);
        // A first check-out given by a correction grants, once.
        status(
                station(STATION)
                        .post(
                                base + absentSignUp + "/attendance/corrections",
                                Map.of("checkedOutAt", checkedOut.toString(), "reason", "忘记签退 forgot to check out")),
                200);
        assertThat(grants(absent)).isEqualTo(1);

        // With it: the position requiring it takes the sign-up.
        assertThat(status(signUp(clinic, v), 201).get("status").asText()).isEqualTo("CONFIRMED");
        // A position ending after the validity: 409 naming qualification, saying until when it is valid.
        UUID nextYear = publish("FREE_CLINIC", checkedOut.plus(400, ChronoUnit.DAYS), null, code);
        assertProblem(signUp(nextYear, v), 409, "qualification", "valid until " + expected);
        // Staff signing up a volunteer for their own activity are held to the same rule.
        assertProblem(
                station(STATION)
                        .post(
                                "/activities/" + nextYear + "/sign-ups",
                                Map.of("positionId", positionOf(nextYear).toString(), "volunteerId", v.toString())),
                409,
                "qualification",
                "valid until");

        // One QualificationGranted for the volunteer: ids, code and times, no personal data.
        List<SpecificRecord> events = eventsOf(v, has(QualificationGranted.class, 1));
        List<QualificationGranted> granted = only(events, QualificationGranted.class);
        assertThat(granted).hasSize(1);
        QualificationGranted g = granted.get(0);
        assertThat(g.getQualificationCode()).isEqualTo(code);
        assertThat(g.getSource()).isEqualTo(QualificationSource.TRAINING);
        assertThat(g.getActivityId()).isEqualTo(training);
        assertThat(g.getSignUpId()).isEqualTo(signUp);
        assertThat(g.getGrantedAt()).isEqualTo(checkedOut);
        assertThat(g.getValidUntil()).isEqualTo(expected);
        assertThat(only(eventsOf(absent, has(QualificationGranted.class, 1)), QualificationGranted.class))
                .singleElement()
                .satisfies(a -> assertThat(a.getSignUpId()).isEqualTo(absentSignUp));
    }

    @Test
    void staffOfTheVolunteersStationRecordOneObtainedElsewhereWithTheCertificateNumberSealed() {
        Http.Response registered = station(STATION).post("/volunteers", registration("李秀英", false, false));
        UUID v = UUID.fromString(status(registered, 201).get("id").asText());
        String certificate = "RC-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        Instant obtained = clock.instant().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> body =
                Map.of("code", "FIRST_AID", "grantedAt", obtained.toString(), "certificateNumber", certificate);
        String path = "/volunteers/" + v + "/qualifications";

        // Tenancy: another station's staff may neither record nor read; the volunteer does not record their own.
        assertProblem(station(OTHER_STATION).post(path, body), 403, "id", "may not");
        assertProblem(station(OTHER_STATION).get(path), 403, "id", "may not");
        assertProblem(volunteer(v).post(path, body), 403, "POST " + path, "may not");
        assertThat(grants(v)).isZero();

        // Bad input names the field.
        assertProblem(
                station(STATION)
                        .post(
                                path,
                                Map.of(
                                        "code",
                                        "FORGED_CODE",
                                        "grantedAt",
                                        obtained.toString(),
                                        "certificateNumber",
                                        certificate)),
                400,
                "code",
                "FORGED_CODE");
        assertProblem(
                station(STATION)
                        .post(
                                path,
                                Map.of(
                                        "code",
                                        "FIRST_AID",
                                        "grantedAt",
                                        clock.instant().plus(1, ChronoUnit.DAYS).toString(),
                                        "certificateNumber",
                                        certificate)),
                400,
                "grantedAt",
                "future");
        assertProblem(
                station(STATION)
                        .post(
                                path,
                                Map.of(
                                        "code",
                                        "FIRST_AID",
                                        "grantedAt",
                                        clock.instant()
                                                .minus(4 * 366, ChronoUnit.DAYS)
                                                .toString(),
                                        "certificateNumber",
                                        certificate)),
                400,
                "grantedAt",
                "expired");
        assertProblem(
                station(STATION).post(path, Map.of("code", "FIRST_AID", "grantedAt", obtained.toString())),
                400,
                "certificateNumber",
                "");
        assertThat(grants(v)).isZero();

        JsonNode recorded = status(station(STATION).post(path, body), 201);
        assertThat(recorded.get("source").asText()).isEqualTo("RECORDED");
        assertThat(recorded.get("certificateRecorded").asBoolean()).isTrue();
        assertThat(Instant.parse(recorded.get("validUntil").asText()))
                .isEqualTo(obtained.atZone(SHANGHAI).plusMonths(36).toInstant());
        assertThat(recorded.toString()).doesNotContain(certificate);
        // Sealed at rest: the number is not in the row.
        byte[] sealed = jdbc.queryForObject(
                "SELECT certificate_sealed FROM volunteer_qualification WHERE volunteer_id = ?", byte[].class, v);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(certificate);
        // Read by the volunteer and their station's staff, without the number.
        assertThat(status(volunteer(v).get(path), 200).toString())
                .contains("FIRST_AID")
                .doesNotContain(certificate);
        assertThat(status(station(STATION).get(path), 200)).hasSize(1);

        // It opens a position requiring FIRST_AID.
        UUID clinic = publish("FREE_CLINIC", morning(5), null, "FIRST_AID");
        assertThat(status(signUp(clinic, v), 201).get("status").asText()).isEqualTo("CONFIRMED");

        // Published without the certificate number.
        List<ConsumerRecord<String, byte[]>> records = recordsOf(v, has(QualificationGranted.class, 1));
        List<QualificationGranted> granted = only(
                records.stream()
                        .<SpecificRecord>map(r -> codec.decode(r.value()))
                        .toList(),
                QualificationGranted.class);
        assertThat(granted).singleElement().satisfies(g -> {
            assertThat(g.getSource()).isEqualTo(QualificationSource.RECORDED);
            assertThat(g.getActivityId()).isNull();
            assertThat(g.getGrantedAt()).isEqualTo(obtained);
        });
        assertThat(records)
                .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.ISO_8859_1))
                        .doesNotContain(certificate));
    }
}
