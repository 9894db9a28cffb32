package org.wushe.hub.volunteer.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.matching.Decider;
import org.wushe.hub.events.volunteer.AssignmentAnswerKind;
import org.wushe.hub.events.volunteer.AssignmentDeclineReason;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import org.wushe.hub.volunteer.support.UpstreamEvents;
import tools.jackson.databind.JsonNode;

/**
 * A volunteer sees the matches proposed and accepted for them (events from the matching service over
 * the real CDC path) and answers them themself: a confirmation or a decline is published as
 * {@code VolunteerAvailabilityDeclared} with {@code assignmentAnswer}, carrying the reason's category
 * only, never the volunteer's words. Another volunteer is refused with nothing written; a repeated
 * decline publishes nothing more.
 */
class AssignmentAnswerTest extends ServiceScenario {

    private Http as(UUID volunteer) {
        return http().as(TestTokens.token("vol-" + volunteer, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, volunteer));
    }

    private JsonNode assignment(UUID volunteer, UUID match) {
        for (JsonNode a :
                as(volunteer).get("/volunteers/" + volunteer + "/assignments").json()) {
            if (a.path("matchId").asText().equals(match.toString())) {
                return a;
            }
        }
        return null;
    }

    private String statusOf(UUID volunteer, UUID match) {
        JsonNode a = assignment(volunteer, match);
        return a == null ? null : a.path("status").asText();
    }

    private UUID proposedNeed(UUID volunteer, UUID match) {
        UUID need = UUID.randomUUID();
        Upstream.community(codec)
                .publish(Aggregate.NEED, need, UpstreamEvents.needPublished(need, Category.HOME_REPAIR, Instant.now()));
        Upstream.matching(codec)
                .publish(Aggregate.MATCH, match, UpstreamEvents.matchProposed(match, need, volunteer, clock.instant()));
        await().atMost(WAIT).until(() -> "PROPOSED".equals(statusOf(volunteer, match)));
        return need;
    }

    @Test
    void aVolunteerSeesTheProposalThenItsAcceptanceAndConfirmsIt() {
        UUID volunteer = registerVolunteer(false, false);
        UUID match = UUID.randomUUID();
        UUID need = proposedNeed(volunteer, match);
        await().atMost(WAIT)
                .until(() ->
                        assignment(volunteer, match).path("geohash").asText().length() > 0);
        JsonNode proposed = assignment(volunteer, match);
        assertThat(proposed.path("proposedAt").asText()).isNotBlank();
        assertThat(proposed.path("scheduledStart").asText()).isNotBlank();
        assertThat(proposed.path("geohash").asText())
                .as("a coarse cell, no address")
                .hasSizeLessThanOrEqualTo(6);
        assertThat(proposed.path("category").asText()).isEqualTo("HOME_REPAIR");

        Upstream.matching(codec)
                .publish(Aggregate.MATCH, match, UpstreamEvents.matchAccepted(match, need, volunteer, clock.instant()));
        await().atMost(WAIT).until(() -> "ACCEPTED".equals(statusOf(volunteer, match)));

        Http.Response confirmed =
                as(volunteer).post("/volunteers/" + volunteer + "/assignments/" + match + "/confirm", null);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("acceptedAt").asText()).isNotBlank();
        assertThat(confirmed.json().path("confirmedAt").asText()).isNotBlank();
        assertThat(as(volunteer)
                        .post("/volunteers/" + volunteer + "/assignments/" + match + "/confirm", null)
                        .status())
                .as("confirming again changes nothing")
                .isEqualTo(200);

        List<SpecificRecord> events = eventsOf(
                volunteer,
                e -> only(e, VolunteerAvailabilityDeclared.class).stream()
                        .anyMatch(a -> a.getAssignmentAnswer() != null));
        List<VolunteerAvailabilityDeclared> answers = only(events, VolunteerAvailabilityDeclared.class).stream()
                .filter(a -> a.getAssignmentAnswer() != null)
                .toList();
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).getAssignmentAnswer().getAnswer()).isEqualTo(AssignmentAnswerKind.CONFIRMED);
        assertThat(answers.get(0).getAssignmentAnswer().getMatchId()).isEqualTo(match);
        assertThat(answers.get(0).getAssignmentAnswer().getNeedId()).isEqualTo(need);
        assertThat(answers.get(0).getAvailability().getWeeklySlots())
                .as("availability unchanged")
                .hasSize(1);
    }

    @Test
    void aVolunteerDeclinesWithAReasonOnceAndOnlyTheCategoryIsPublished() {
        UUID volunteer = registerVolunteer(false, false);
        UUID match = UUID.randomUUID();
        proposedNeed(volunteer, match);
        String path = "/volunteers/" + volunteer + "/assignments/" + match + "/decline";

        assertThat(as(volunteer).post(path, Map.of("reason", " ")).problemField())
                .isEqualTo("reason");
        assertThat(as(volunteer).post(path, Map.of()).problemField()).isEqualTo("reason");
        assertThat(as(volunteer).post(path, Map.of("reason", "x".repeat(201))).problemField())
                .isEqualTo("reason");
        assertThat(as(volunteer)
                        .post(path, Map.of("reason", "忙", "category", "BUSY"))
                        .problemField())
                .isEqualTo("category");
        assertThat(as(volunteer)
                        .post(
                                "/volunteers/" + volunteer + "/assignments/" + UUID.randomUUID() + "/decline",
                                Map.of("reason", "忙"))
                        .status())
                .isEqualTo(404);

        Http.Response declined = as(volunteer).post(path, Map.of("reason", "那天要去医院复查", "category", "TIME_CONFLICT"));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.json().path("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.json().path("declinedBy").asText()).isEqualTo("VOLUNTEER");
        assertThat(declined.json().path("declineReason").asText()).isEqualTo("那天要去医院复查");
        Http.Response again = as(volunteer).post(path, Map.of("reason", "那天要去医院复查", "category", "TIME_CONFLICT"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(as(volunteer)
                        .post("/volunteers/" + volunteer + "/assignments/" + match + "/confirm", null)
                        .status())
                .as("declined is final")
                .isEqualTo(409);

        // matching answers with MatchDeclined (declinedBy VOLUNTEER): the assignment stays as the volunteer left it
        Upstream.matching(codec)
                .publish(
                        Aggregate.MATCH,
                        match,
                        UpstreamEvents.matchDeclined(
                                match, UUID.randomUUID(), volunteer, Decider.VOLUNTEER, clock.instant()));
        UUID marker = UUID.randomUUID();
        proposedNeed(volunteer, marker);
        assertThat(assignment(volunteer, match).path("declineReason").asText()).isEqualTo("那天要去医院复查");

        // the marker's confirmation comes after the decline on the topic: the decline was published once
        as(volunteer).post("/volunteers/" + volunteer + "/assignments/" + marker + "/confirm", null);
        List<VolunteerAvailabilityDeclared> answers = only(
                        eventsOf(
                                volunteer,
                                e -> only(e, VolunteerAvailabilityDeclared.class).stream()
                                        .anyMatch(a -> a.getAssignmentAnswer() != null
                                                && a.getAssignmentAnswer()
                                                        .getMatchId()
                                                        .equals(marker))),
                        VolunteerAvailabilityDeclared.class)
                .stream()
                .filter(a -> a.getAssignmentAnswer() != null)
                .toList();
        assertThat(answers)
                .extracting(a -> a.getAssignmentAnswer().getAnswer())
                .containsExactly(AssignmentAnswerKind.DECLINED, AssignmentAnswerKind.CONFIRMED);
        assertThat(answers.get(0).getAssignmentAnswer().getDeclineReason())
                .isEqualTo(AssignmentDeclineReason.TIME_CONFLICT);
        assertThat(answers.get(0).toString())
                .as("the volunteer's words stay here")
                .doesNotContain("医院");
    }

    @Test
    void aDeclineByStationStaffShowsAsDeclinedAndCannotBeAnswered() {
        UUID volunteer = registerVolunteer(false, false);
        UUID match = UUID.randomUUID();
        UUID need = proposedNeed(volunteer, match);
        Upstream.matching(codec)
                .publish(
                        Aggregate.MATCH,
                        match,
                        UpstreamEvents.matchDeclined(match, need, volunteer, Decider.STATION_STAFF, clock.instant()));
        await().atMost(WAIT).until(() -> "DECLINED".equals(statusOf(volunteer, match)));
        assertThat(assignment(volunteer, match).path("declinedBy").asText()).isEqualTo("STATION_STAFF");
        assertThat(as(volunteer)
                        .post("/volunteers/" + volunteer + "/assignments/" + match + "/decline", Map.of("reason", "忙"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void anotherVolunteerOrStationStaffCannotAnswerForTheVolunteerAndNothingIsWritten() {
        UUID volunteer = registerVolunteer(false, false);
        UUID other = registerVolunteer(false, false);
        UUID match = UUID.randomUUID();
        proposedNeed(volunteer, match);
        String decline = "/volunteers/" + volunteer + "/assignments/" + match + "/decline";
        String confirm = "/volunteers/" + volunteer + "/assignments/" + match + "/confirm";

        Http.Response byOther = as(other).post(decline, Map.of("reason", "我替他谢绝"));
        Problems.assertForbidden(
                byOther.status(),
                byOther.raw().headers().firstValue("Content-Type").orElse(""),
                byOther.json(),
                byOther.body(),
                "id",
                "volunteer of " + volunteer);
        Http.Response confirmByOther = as(other).post(confirm, null);
        assertThat(confirmByOther.status()).isEqualTo(403);
        Http.Response byStaff = http().as(
                        TestTokens.token("staff-li", Roles.STATION_STAFF, Roles.STATION_ID, UpstreamEvents.STATION))
                .post(decline, Map.of("reason", "站点代为谢绝"));
        assertThat(byStaff.status()).isEqualTo(403);
        assertThat(as(other)
                        .post("/volunteers/" + other + "/assignments/" + match + "/decline", Map.of("reason", "不是我的"))
                        .status())
                .as("not their assignment")
                .isEqualTo(404);

        assertThat(statusOf(volunteer, match)).isEqualTo("PROPOSED");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM assignment WHERE match_id = ? AND declined_at IS NOT NULL",
                        Long.class,
                        match))
                .isZero();
        // the volunteer's own confirmation is the only answer on the topic
        as(volunteer).post(confirm, null);
        List<VolunteerAvailabilityDeclared> answers = only(
                        eventsOf(
                                volunteer,
                                e -> only(e, VolunteerAvailabilityDeclared.class).stream()
                                        .anyMatch(a -> a.getAssignmentAnswer() != null)),
                        VolunteerAvailabilityDeclared.class)
                .stream()
                .filter(a -> a.getAssignmentAnswer() != null)
                .toList();
        assertThat(answers)
                .extracting(a -> a.getAssignmentAnswer().getAnswer())
                .containsExactly(AssignmentAnswerKind.CONFIRMED);
        assertThat(only(eventsOf(other, e -> true), VolunteerAvailabilityDeclared.class))
                .noneMatch(a -> a.getAssignmentAnswer() != null);
    }
}
