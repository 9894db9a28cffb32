package org.wushe.hub.volunteer.volunteer.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.volunteer.AssignmentAnswerKind;
import org.wushe.hub.events.volunteer.AssignmentDeclineReason;
import org.wushe.hub.events.volunteer.ErasedBy;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;
import org.wushe.hub.events.volunteer.VolunteerLeft;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import org.wushe.hub.volunteer.support.UpstreamEvents;

/** A volunteer erases their account: details destroyed, no longer found or signed up; hours and points stay. */
class ErasureTest extends ServiceScenario {

    private static final UUID STATION = UUID.fromString("7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e");

    private Http volunteer(UUID id) {
        return http().as(TestTokens.token("vol-" + id, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, id));
    }

    private UUID selfRegistered(String idNumber) {
        UUID id = UUID.randomUUID();
        Http.Response r = volunteer(id).post("/volunteers/me", SelfRegistrationTest.details("黄丽华", idNumber));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return id;
    }

    /** An activity of the station with one position of {@code places}; returns {activity, position}. */
    private UUID[] activity(int places) {
        Instant start = clock.instant().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("duty", "秩序维护 keeping order");
        position.put("places", places);
        position.put("waitingListLimit", 3);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "NEIGHBOURHOOD_FESTIVAL");
        body.put("title", "邻里节 neighbourhood festival");
        body.put("communityId", UpstreamEvents.COMMUNITY.toString());
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(3, ChronoUnit.HOURS).toString());
        body.put("approvalRequired", false);
        body.put("positions", List.of(position));
        Http.Response r = http().as(
                        TestTokens.token("staff-" + STATION, Roles.STATION_STAFF, Roles.STATION_ID, STATION))
                .post("/activities", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new UUID[] {
            UUID.fromString(r.json().get("id").asText()),
            UUID.fromString(r.json().get("positions").get(0).get("id").asText())
        };
    }

    private Http.Response signUp(UUID volunteer, UUID[] activity) {
        return volunteer(volunteer)
                .post("/activities/" + activity[0] + "/sign-ups", Map.of("positionId", activity[1].toString()));
    }

    private String status(UUID signUp) {
        return jdbc.queryForObject("SELECT status FROM sign_up WHERE id = ?", String.class, signUp);
    }

    @Test
    void aVolunteerErasesTheirAccountAndOnlyAnonymousTotalsStay() {
        String idNumber = IdNumberTest.idNumber(LocalDate.of(1975, 3, 3));
        UUID gone = selfRegistered(idNumber);
        UUID waiting = selfRegistered(IdNumberTest.idNumber(LocalDate.of(1980, 6, 6)));
        UUID[] activity = activity(1);
        Http.Response held = signUp(gone, activity);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        Http.Response queued = signUp(waiting, activity);
        assertThat(queued.json().get("status").asText()).isEqualTo("WAITLISTED");
        logHours(gone, 120, today().minusDays(1));
        long hoursBefore = jdbc.queryForObject(
                "SELECT coalesce(sum(minutes), 0) FROM service_hours WHERE volunteer_id = ?", Long.class, gone);
        long balanceBefore = balance(gone);
        assertThat(hoursBefore).isEqualTo(120);
        assertThat(balanceBefore).isPositive();

        // A qualification staff recorded for them, with its certificate number sealed (as POST .../qualifications
        // stores it).
        UUID recorded = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO volunteer_qualification (id, volunteer_id, code, source, granted_at, valid_until,"
                        + " certificate_sealed, recorded_by, recorded_at) VALUES (?, ?, 'FIRST_AID', 'RECORDED', now(),"
                        + " now() + interval '1 year', ?, 'staff', now())",
                recorded,
                gone,
                new byte[] {1, 2, 3});

        Http.Response erased = volunteer(gone).delete("/volunteers/me");

        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT name_sealed, phone_sealed, phone_hash, id_number_sealed, id_number_hash, hardship_sealed,"
                        + " erased_at FROM volunteer WHERE id = ?",
                gone);
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(row)
                .containsEntry("name_sealed", null)
                .containsEntry("phone_sealed", null)
                .containsEntry("phone_hash", null)
                .containsEntry("id_number_sealed", null)
                .containsEntry("id_number_hash", null)
                .containsEntry("hardship_sealed", null);
        assertThat(jdbc.queryForMap(
                        "SELECT code, certificate_sealed FROM volunteer_qualification WHERE id = ?", recorded))
                .as("the qualification stays, its certificate number does not")
                .containsEntry("code", "FIRST_AID")
                .containsEntry("certificate_sealed", null);
        assertThat(volunteer(gone).get("/volunteers/me").status()).isEqualTo(404);
        assertThat(http().get("/volunteers/" + gone + "?reason=test").status()).isEqualTo(404);
        assertThat(http().get("/volunteers?limit=200").body()).doesNotContain(gone.toString());
        assertThat(status(UUID.fromString(held.json().get("id").asText()))).isEqualTo("WITHDRAWN");
        assertThat(status(UUID.fromString(queued.json().get("id").asText())))
                .as("the waiting volunteer moves up")
                .isEqualTo("CONFIRMED");
        assertThat(signUp(gone, activity(3)).status()).as("no more sign-ups").isEqualTo(404);

        assertThat(jdbc.queryForObject(
                        "SELECT coalesce(sum(minutes), 0) FROM service_hours WHERE volunteer_id = ?", Long.class, gone))
                .as("hours stay")
                .isEqualTo(hoursBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM points_account WHERE id = ?", Long.class, gone))
                .as("the points account stays")
                .isEqualTo(1);

        VolunteerLeft left = only(eventsOf(gone, has(VolunteerLeft.class, 1)), VolunteerLeft.class)
                .get(0);
        assertThat(left.getErasedBy()).isEqualTo(ErasedBy.SELF);

        assertThat(volunteer(gone).delete("/volunteers/me").status())
                .as("erased already")
                .isEqualTo(404);
        Http.Response again =
                volunteer(UUID.randomUUID()).post("/volunteers/me", SelfRegistrationTest.details("黄丽华", idNumber));
        assertThat(again.status())
                .as("the ID number is no longer known: " + again)
                .isEqualTo(201);
    }

    private String assignmentStatus(UUID match) {
        List<String> s = jdbc.queryForList("SELECT status FROM assignment WHERE match_id = ?", String.class, match);
        return s.isEmpty() ? null : s.get(0);
    }

    @Test
    void erasureEndsTeamMembershipsDeclinesOpenAssignmentsAndTellsTheOtherServicesLast() {
        UUID v = registerVolunteer(false, false);
        Http staff = http().as(TestTokens.token("staff-" + STATION, Roles.STATION_STAFF, Roles.STATION_ID, STATION));
        Http.Response team = staff.post(
                "/teams",
                Map.of("name", "巡逻队 patrol", "communityId", UUID.randomUUID().toString()));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        String teamId = team.json().get("id").asText();
        assertThat(staff.put("/teams/" + teamId + "/members/" + v, Map.of("role", "MEMBER"))
                        .status())
                .isEqualTo(201);
        UUID open = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        Upstream.matching(codec)
                .publish(Aggregate.MATCH, open, UpstreamEvents.matchProposed(open, need, v, clock.instant()));
        Upstream.matching(codec)
                .publish(Aggregate.MATCH, open, UpstreamEvents.matchAccepted(open, need, v, clock.instant()));
        await().atMost(WAIT).until(() -> "ACCEPTED".equals(assignmentStatus(open)));

        assertThat(http().delete("/volunteers/" + v).status()).isEqualTo(204);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM team_member WHERE volunteer_id = ?", Long.class, v))
                .as("no team membership left")
                .isZero();
        assertThat(jdbc.queryForMap("SELECT status, decline_category FROM assignment WHERE match_id = ?", open))
                .containsEntry("status", "DECLINED")
                .containsEntry("decline_category", "UNAVAILABLE");

        // Staff accepted another match that crossed the erasure: declined on their behalf too, not a dead letter.
        UUID crossed = UUID.randomUUID();
        Upstream.matching(codec)
                .publish(
                        Aggregate.MATCH,
                        crossed,
                        UpstreamEvents.matchAccepted(crossed, UUID.randomUUID(), v, clock.instant()));
        await().atMost(WAIT).until(() -> "DECLINED".equals(assignmentStatus(crossed)));

        List<SpecificRecord> events = eventsOf(
                v, e -> has(VolunteerLeft.class, 1).test(e) && declined(e).size() >= 2);
        assertThat(declined(events))
                .extracting(a -> a.getAssignmentAnswer().getMatchId())
                .containsExactlyInAnyOrder(open, crossed);
        assertThat(declined(events))
                .extracting(a -> a.getAssignmentAnswer().getDeclineReason())
                .containsOnly(AssignmentDeclineReason.UNAVAILABLE);
        VolunteerLeft left = only(events, VolunteerLeft.class).get(0);
        assertThat(left.getErasedBy()).isEqualTo(ErasedBy.ADMIN);
        assertThat(events.indexOf(left))
                .as("VolunteerLeft comes after the erasure's own answers")
                .isGreaterThan(events.indexOf(declined(events).get(0)));
    }

    private static List<VolunteerAvailabilityDeclared> declined(List<SpecificRecord> events) {
        return only(events, VolunteerAvailabilityDeclared.class).stream()
                .filter(a -> a.getAssignmentAnswer() != null
                        && a.getAssignmentAnswer().getAnswer() == AssignmentAnswerKind.DECLINED)
                .toList();
    }

    @Test
    void theHubAdminErasesAVolunteerAndNoOneElseMay() {
        UUID v = selfRegistered(IdNumberTest.idNumber(LocalDate.of(1990, 10, 10)));
        UUID other = selfRegistered(IdNumberTest.idNumber(LocalDate.of(1991, 11, 11)));

        assertThat(volunteer(other).delete("/volunteers/" + v).status()).isEqualTo(403);
        assertThat(volunteer(v).delete("/volunteers/" + v).status())
                .as("themself: DELETE /volunteers/me")
                .isEqualTo(403);
        assertThat(http().as(TestTokens.token("staff-x", Roles.STATION_STAFF, Roles.STATION_ID, STATION))
                        .delete("/volunteers/" + v)
                        .status())
                .isEqualTo(403);
        assertThat(volunteer(v).get("/volunteers/me").status()).isEqualTo(200);

        assertThat(http().delete("/volunteers/" + v).status()).isEqualTo(204);
        assertThat(volunteer(v).get("/volunteers/me").status()).isEqualTo(404);
        assertThat(http().delete("/volunteers/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
