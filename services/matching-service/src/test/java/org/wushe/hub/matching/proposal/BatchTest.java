package org.wushe.hub.matching.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import tools.jackson.databind.JsonNode;

/**
 * Batch mode: needs with scarce candidates wait and are assigned together. One companion, two
 * routine needs: the batch gives the companion to the need that scores higher (the older person
 * living alone), and the other keeps waiting with the reason.
 */
class BatchTest extends MatchingScenario {

    @Test
    void scarceCandidatesGoToTheNeedsThatScoreHighestTogether() {
        Place p = newPlace();
        UUID companion = volunteer(p, Town.HERE, Skill.ELDER_CARE, Skill.PSYCHOLOGICAL_COUNSELLING);
        UUID lessNeedy = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        lessNeedy,
                        Town.need(
                                lessNeedy,
                                p.community(),
                                p.station(),
                                Category.PSYCHOLOGICAL_SUPPORT,
                                Urgency.ROUTINE,
                                BeneficiaryGroup.NEWCOMER,
                                "新居民适应谈心 a chat for a newcomer",
                                clock.instant(),
                                14,
                                null));
        UUID needier = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        needier,
                        Town.need(
                                needier,
                                p.community(),
                                p.station(),
                                Category.PSYCHOLOGICAL_SUPPORT,
                                Urgency.SOON,
                                BeneficiaryGroup.ELDERLY_ALONE,
                                "独居老人心理疏导 support for an elder living alone",
                                clock.instant(),
                                14,
                                null));

        // Both wait: one candidate is fewer than scarce-below (2), and neither is urgent.
        awaitNeed(lessNeedy, n -> n.get("state").asText().equals("WAITING"));
        awaitNeed(needier, n -> n.get("state").asText().equals("WAITING"));

        JsonNode run = http().post("/batch/runs", "").json();
        assertThat(run.get("waiting").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(run.get("proposed").asInt()).isGreaterThanOrEqualTo(1);

        JsonNode match = awaitLiveMatch(needier);
        assertThat(match.get("mode").asText()).isEqualTo("BATCH");
        assertThat(match.get("candidate").get("id").asText()).isEqualTo(companion.toString());
        JsonNode other = http().get("/needs/" + lessNeedy).json();
        assertThat(other.get("state").asText()).isEqualTo("WAITING");
        assertThat(other.get("matches")).isEmpty();
        assertThat(other.get("waitingEn").asText()).isNotBlank();
    }
}
