package org.wushe.hub.matching.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.matching.Decider;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchEscalated;
import org.wushe.hub.matching.MatchingProperties;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** A proposal nobody answers goes up to the centre; unanswered there, it lapses and the next candidate is proposed. */
class EscalationTest extends MatchingScenario {

    @Autowired
    DeadlineWatch deadlines;

    @Autowired
    MatchingProperties props;

    @Test
    void unansweredProposalsEscalateToTheCentreThenLapse() {
        Place p = newPlace();
        UUID first = volunteer(p, Town.HERE, Skill.TUTORING);
        UUID second = volunteer(p, Town.EAST_3KM, Skill.TUTORING);
        UUID needId = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        needId,
                        Town.need(
                                needId,
                                p.community(),
                                p.station(),
                                Category.TUTORING,
                                Urgency.SOON,
                                BeneficiaryGroup.CHILD_IN_HARDSHIP,
                                "困境儿童数学辅导 maths tutoring for a child",
                                clock.instant(),
                                10,
                                null));
        JsonNode proposed = awaitLiveMatch(needId);
        UUID matchId = UUID.fromString(proposed.get("matchId").asText());
        assertThat(proposed.get("candidate").get("id").asText()).isEqualTo(first.toString());

        deadlines.check(); // before the deadline: nothing happens
        assertThat(http().get("/matches/" + matchId).json().get("status").asText())
                .isEqualTo("PROPOSED");
        // Until then it is the station's alone: the centre's staff may not see it yet.
        Http centreStaff =
                http().as(TestTokens.token("centre-zhang", Roles.STATION_STAFF, Roles.STATION_ID, p.centre()));
        Http centreManager =
                http().as(TestTokens.token("centre-liu", Roles.CENTRE_MANAGER, Roles.CENTRE_ID, p.centre()));
        Http stationStaff = http().as(TestTokens.token("staff-li", Roles.STATION_STAFF, Roles.STATION_ID, p.station()));
        Http.Response notYet = centreStaff.get("/matches/" + matchId);
        assertThat(notYet.status()).isEqualTo(403);
        assertThat(notYet.problemField()).isEqualTo("matchId");
        assertThat(centreStaff.get("/needs/" + needId).status()).isEqualTo(403);

        clock.advance(props.ackDeadline().plus(Duration.ofMinutes(1)));
        deadlines.check();
        JsonNode escalated = http().get("/matches/" + matchId).json();
        assertThat(escalated.get("status").asText()).isEqualTo("ESCALATED");
        assertThat(escalated.get("escalatedTo").asText()).isEqualTo(p.centre().toString());
        // The centre's staff see it among their open proposals, with its need, and the station's staff still do.
        assertThat(centreStaff.get("/stations/" + p.centre() + "/proposals").json())
                .extracting(m -> m.get("matchId").asText())
                .containsExactly(matchId.toString());
        assertThat(centreManager.get("/stations/" + p.centre() + "/proposals").json())
                .extracting(m -> m.get("matchId").asText())
                .containsExactly(matchId.toString());
        assertThat(stationStaff.get("/stations/" + p.station() + "/proposals").json())
                .extracting(m -> m.get("matchId").asText())
                .containsExactly(matchId.toString());
        assertThat(centreStaff.get("/matches/" + matchId).status()).isEqualTo(200);
        assertThat(centreManager.get("/matches/" + matchId).status()).isEqualTo(200);
        assertThat(centreStaff.get("/needs/" + needId + "/history").status()).isEqualTo(200);
        assertThat(stationStaff.get("/stations/" + p.centre() + "/proposals").status())
                .as("the centre's list is not the station's")
                .isEqualTo(403);
        MatchEscalated e = only(matchEvents(matchId, has(MatchEscalated.class)), MatchEscalated.class);
        assertThat(e.getEscalatedTo()).isEqualTo(p.centre());
        assertThat(e.getStationId()).isEqualTo(p.station());

        clock.advance(props.centreDeadline().plus(Duration.ofMinutes(1)));
        deadlines.check();
        assertThat(http().get("/matches/" + matchId).json().get("status").asText())
                .isEqualTo("LAPSED");
        List<SpecificRecord> events = matchEvents(matchId, has(MatchDeclined.class));
        MatchDeclined lapsed = only(events, MatchDeclined.class);
        assertThat(lapsed.getDeclinedBy()).isEqualTo(Decider.SYSTEM);
        assertThat(lapsed.getReason()).isEqualTo(DeclineReason.PROPOSAL_EXPIRED);
        JsonNode next = awaitLiveMatch(needId);
        assertThat(next.get("candidate").get("id").asText()).isEqualTo(second.toString());
        assertThat(next.get("status").asText()).isEqualTo("PROPOSED");
    }
}
