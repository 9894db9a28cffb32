package org.wushe.hub.matching.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.events.matching.ScoreComponent;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import tools.jackson.databind.JsonNode;

/** Streaming mode: a published need is matched at once, the proposal explains itself, and redelivery never doubles it. */
class StreamingProposalTest extends MatchingScenario {

    @Test
    void aPublishedNeedGetsTheBestFittingVolunteerWithAnExplainedScore() {
        Place p = newPlace();
        UUID near = volunteer(p, Town.HERE, Skill.ELECTRICAL, Skill.HOME_REPAIR);
        volunteer(p, Town.EAST_3KM, Skill.ELECTRICAL);
        volunteer(p, Town.FAR, Skill.ELECTRICAL, Skill.HOME_REPAIR); // out of reach
        UUID needId = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        needId,
                        Town.need(
                                needId,
                                p.community(),
                                p.station(),
                                Category.HOME_REPAIR,
                                Urgency.SOON,
                                BeneficiaryGroup.ELDERLY_ALONE,
                                "独居老人家中电灯不亮 lights out at an elder's home",
                                clock.instant(),
                                7,
                                null));

        JsonNode match = awaitLiveMatch(needId);
        assertThat(match.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(match.get("candidate").get("kind").asText()).isEqualTo("VOLUNTEER");
        assertThat(match.get("candidate").get("id").asText()).isEqualTo(near.toString());
        assertThat(match.get("rank").asInt()).isEqualTo(1);
        assertThat(match.get("mode").asText()).isEqualTo("STREAMING");

        UUID matchId = UUID.fromString(match.get("matchId").asText());
        MatchProposed proposed = only(matchEvents(matchId, has(MatchProposed.class)), MatchProposed.class);
        assertThat(proposed.getNeedId()).isEqualTo(needId);
        assertThat(proposed.getStationId()).isEqualTo(p.station());
        assertThat(proposed.getVolunteerId()).isEqualTo(near);
        assertThat(proposed.getOfferId()).isNull();
        assertThat(proposed.getProposedWindow()).isNotNull();
        assertThat(proposed.getExpiresAt()).isAfter(clock.instant());
        // The score is the weighted sum of its parts, the weights sum to 1, and each part is said in both languages.
        List<ScoreComponent> parts = proposed.getExplanation();
        assertThat(parts).extracting(ScoreComponent::getComponent).contains("skill", "distance", "time");
        assertThat(parts.stream().mapToDouble(ScoreComponent::getWeight).sum()).isCloseTo(1.0, within(1e-6));
        assertThat(parts.stream().mapToDouble(c -> c.getWeight() * c.getValue()).sum())
                .isCloseTo(proposed.getScore(), within(1e-6));
        assertThat(parts).allSatisfy(c -> {
            assertThat(c.getTextZh()).isNotBlank().containsPattern("\\p{IsHan}");
            assertThat(c.getTextEn()).isNotBlank();
            assertThat(c.getValue()).isBetween(0.0, 1.0);
        });

        // Staff of the station see it; the stream's view and the REST view are the same.
        JsonNode open = http().get("/stations/" + p.station() + "/proposals").json();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("matchId").asText()).isEqualTo(matchId.toString());
        assertThat(open.get(0).get("need").get("title").asText()).contains("电灯");
    }

    @Test
    void redeliveredAndRepeatedNeedEventsNeverMakeASecondProposal() {
        Place p = newPlace();
        volunteer(p, Town.HERE, Skill.HAIRDRESSING);
        volunteer(p, Town.HERE, Skill.HAIRDRESSING);
        UUID needId = UUID.randomUUID();
        NeedPublished published = Town.need(
                needId,
                p.community(),
                p.station(),
                Category.HAIRCUT,
                Urgency.ROUTINE,
                BeneficiaryGroup.VERY_OLD,
                "高龄老人上门理发 a haircut at home",
                clock.instant(),
                7,
                null);
        community().publish(Aggregate.NEED, needId, published);
        awaitLiveMatch(needId);

        double duplicatesBefore =
                counter("wushe.inbound.events", "consumer", "matching-service", "outcome", "duplicate");
        community().publish(Aggregate.NEED, needId, published); // the same event again: same event id
        await().atMost(WAIT)
                .until(() -> counter("wushe.inbound.events", "consumer", "matching-service", "outcome", "duplicate")
                        > duplicatesBefore);
        NeedPublished again = NeedPublished.newBuilder(published)
                .setEventId(UUID.randomUUID())
                .build(); // a new id, the same need
        community().publish(Aggregate.NEED, needId, again);
        await().atMost(WAIT)
                .until(() -> count("select count(*) from processed_event where event_id = ?", again.getEventId()) == 1);

        assertThat(count("select count(*) from match where need_id = ?", needId))
                .isEqualTo(1);
        List<SpecificRecord> onTopic = matchEvents(
                UUID.fromString(awaitLiveMatch(needId).get("matchId").asText()), has(MatchProposed.class));
        assertThat(onTopic.stream().filter(MatchProposed.class::isInstance)).hasSize(1);
    }

    @Test
    void aNeedNobodyCanMeetWaitsWithAReasonInBothLanguages() {
        Place p = newPlace();
        volunteer(p, Town.FAR, Skill.LEGAL);
        UUID needId = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        needId,
                        Town.need(
                                needId,
                                p.community(),
                                p.station(),
                                Category.LEGAL_ADVICE,
                                Urgency.URGENT,
                                BeneficiaryGroup.LOW_INCOME_FAMILY,
                                "欠薪法律咨询 legal advice on unpaid wages",
                                clock.instant(),
                                3,
                                null));

        JsonNode need = awaitNeed(needId, n -> n.get("state").asText().equals("WAITING"));
        assertThat(need.get("matches")).isEmpty();
        assertThat(need.get("waitingZh").asText()).containsPattern("\\p{IsHan}");
        assertThat(need.get("waitingEn").asText()).isNotBlank();
    }
}
