package org.wushe.hub.matching.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.matching.Decider;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Staff decide: a decline (with its reason) proposes the next best; accept and complete travel as events. */
class DecisionTest extends MatchingScenario {

    @Test
    void aDeclineProposesTheNextBestCandidateAndTheDeclinedOneNeverAgain() {
        Place p = newPlace();
        UUID first = volunteer(p, Town.HERE, Skill.NURSING);
        UUID second = volunteer(p, Town.EAST_3KM, Skill.NURSING);
        UUID needId = publishNeed(p, Category.HEALTH, "术后换药 dressing change after surgery");

        JsonNode proposed = awaitLiveMatch(needId);
        assertThat(proposed.get("candidate").get("id").asText()).isEqualTo(first.toString());
        Http.Response declined = decline(proposed.get("matchId").asText(), "TOO_FAR", "老人希望女性志愿者");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.json().get("status").asText()).isEqualTo("DECLINED");

        JsonNode next = awaitLiveMatch(needId);
        assertThat(next.get("candidate").get("id").asText()).isEqualTo(second.toString());
        assertThat(next.get("rank").asInt()).isEqualTo(2);
        MatchDeclined event = only(
                matchEvents(UUID.fromString(proposed.get("matchId").asText()), has(MatchDeclined.class)),
                MatchDeclined.class);
        assertThat(event.getDeclinedBy()).isEqualTo(Decider.STATION_STAFF);
        assertThat(event.getReason()).isEqualTo(DeclineReason.TOO_FAR);
        assertThat(event.getVolunteerId()).isEqualTo(first);

        // Declining the second leaves nobody: the need waits, and the first is not proposed again.
        assertThat(decline(next.get("matchId").asText(), "VOLUNTEER_UNAVAILABLE", null)
                        .status())
                .isEqualTo(200);
        JsonNode need = awaitNeed(needId, n -> n.get("state").asText().equals("WAITING"));
        assertThat(need.get("matches")).hasSize(2);
        assertThat(http().get("/needs/" + needId + "/candidates").json().get("candidates"))
                .isEmpty();
    }

    @Test
    void acceptThenCompleteTravelAsEventsAndADecidedMatchCannotBeDecidedAgain() {
        Place p = newPlace();
        UUID volunteer = volunteer(p, Town.HERE, Skill.COOKING);
        volunteer(p, Town.EAST_3KM, Skill.COOKING);
        UUID needId = publishNeed(p, Category.MEAL_ASSISTANCE, "为独居老人做午饭 lunch for an elder living alone");
        String matchId = awaitLiveMatch(needId).get("matchId").asText();

        Http.Response accepted = http().as(
                        TestTokens.token("staff-wang", Roles.STATION_STAFF, Roles.STATION_ID, p.station()))
                .post("/matches/" + matchId + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().get("decidedBy").asText()).isEqualTo("staff-wang");
        assertThat(http().post("/matches/" + matchId + "/accept", Map.of()).status())
                .isEqualTo(409);
        assertThat(decline(matchId, "OTHER", null).status()).isEqualTo(409);

        Http.Response completed =
                http().post("/matches/" + matchId + "/complete", Map.of("serviceMinutes", 90, "peopleReached", 1));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(http().post("/matches/" + matchId + "/complete", Map.of("serviceMinutes", 90))
                        .status())
                .isEqualTo(409);

        List<SpecificRecord> events = matchEvents(UUID.fromString(matchId), has(MatchCompleted.class));
        MatchAccepted a = only(events, MatchAccepted.class);
        assertThat(a.getVolunteerId()).isEqualTo(volunteer);
        assertThat(a.getScheduledWindow()).isNotNull();
        MatchCompleted c = only(events, MatchCompleted.class);
        assertThat(c.getServiceMinutes()).isEqualTo(90);
        assertThat(c.getVolunteerId()).isEqualTo(volunteer);
        assertThat(awaitNeed(needId, n -> true).get("state").asText()).isEqualTo("CLOSED");
    }

    private UUID publishNeed(Place p, Category category, String title) {
        UUID needId = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        needId,
                        Town.need(
                                needId,
                                p.community(),
                                p.station(),
                                category,
                                Urgency.SOON,
                                BeneficiaryGroup.ELDERLY_ALONE,
                                title,
                                clock.instant(),
                                7,
                                null));
        return needId;
    }
}
