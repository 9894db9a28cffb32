package org.wushe.hub.matching.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.matching.MatchingProperties;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.engine.MatchResult;
import org.wushe.hub.matching.readmodel.ReadModel;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.testing.DeadLetters;

/** A poison record is dead-lettered and the consumer goes on; the engine rebuilt from the database is the engine that runs. */
class PoisonAndRebuildTest extends MatchingScenario {

    @Autowired
    ReadModel readModel;

    @Autowired
    Matchmaker matchmaker;

    @Autowired
    MatchingProperties props;

    @Autowired
    Clock serviceClock;

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheNextNeedIsStillMatched() {
        Place p = newPlace();
        volunteer(p, Town.HERE, Skill.GAS_SAFETY);
        volunteer(p, Town.HERE, Skill.GAS_SAFETY);
        String poisonKey = UUID.randomUUID().toString();
        byte[] poison = "<need>not avro</need>".getBytes(StandardCharsets.UTF_8);
        DeadLetters.poison(Aggregate.NEED, poisonKey, poison);
        UUID needId = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        needId,
                        Town.need(
                                needId,
                                p.community(),
                                p.station(),
                                Category.SAFETY_CHECK,
                                Urgency.SOON,
                                BeneficiaryGroup.ELDERLY_ALONE,
                                "燃气安全检查 gas safety check",
                                clock.instant(),
                                7,
                                null));

        awaitLiveMatch(needId);
        ConsumerRecord<String, byte[]> dead = DeadLetters.awaitOne(Aggregate.NEED, poisonKey, WAIT);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(DeadLetters.reason(dead)).startsWith("UndecodableEventException");
    }

    @Test
    void anEngineRebuiltFromTheDatabaseHoldsWhatTheRunningOneHolds() {
        Place p = newPlace();
        UUID held = volunteer(p, Town.HERE, Skill.SIGN_LANGUAGE);
        volunteer(p, Town.EAST_3KM, Skill.SIGN_LANGUAGE);
        UUID needId = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        needId,
                        Town.need(
                                needId,
                                p.community(),
                                p.station(),
                                Category.ESCORT,
                                Urgency.SOON,
                                BeneficiaryGroup.DISABLED,
                                "陪同聋人就医 escort a deaf resident to hospital",
                                clock.instant(),
                                7,
                                null,
                                Skill.SIGN_LANGUAGE));
        assertThat(awaitLiveMatch(needId).get("candidate").get("id").asText()).isEqualTo(held.toString());

        // What a restart does: a new engine from the read model, with the live matches' holds put back.
        MatchEngine rebuilt = EngineConfiguration.rebuild(props, serviceClock, readModel, matchmaker);
        assertThat(rebuilt.stats()).isEqualTo(engine.stats());
        UUID probe = UUID.randomUUID();
        var spec =
                Town.needSpec(probe, p.community(), p.station(), Category.ESCORT, clock.instant(), Skill.SIGN_LANGUAGE);
        MatchResult running = engine.match(spec, 5, Set.of());
        MatchResult fromDatabase = rebuilt.match(spec, 5, Set.of());
        assertThat(fromDatabase.proposals())
                .extracting(pr -> pr.candidate().id())
                .containsExactlyElementsOf(running.proposals().stream()
                        .map(pr -> pr.candidate().id())
                        .toList());
        // Equal up to the waiting time that passed between the two calls (part of the urgency value).
        for (int i = 0; i < running.proposals().size(); i++) {
            assertThat(fromDatabase.proposals().get(i).score())
                    .isCloseTo(running.proposals().get(i).score(), within(1e-6));
        }
    }
}
