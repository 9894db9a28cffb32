package org.wushe.hub.matching.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;

/**
 * Many urgent needs at once, on every partition of the need topic, read by the binding's three consumer threads, for
 * two volunteers who can each take {@code max-active-matches-per-volunteer} (3): the engine's search and hold are
 * under one lock and the database writes are not, yet no volunteer is ever proposed more than they can take, every
 * need is answered (proposed or waiting with a reason), and the engine's holds are exactly the live matches.
 */
class ConcurrentProposalsTest extends MatchingScenario {

    private static final int NEEDS = 24;

    private static final String LIVE = "status in ('PROPOSED', 'ESCALATED', 'ACCEPTED', 'RESERVED')";

    @Test
    void needsReadInParallelNeverGiveAVolunteerMoreThanTheyCanTake() {
        Place p = newPlace();
        UUID a = volunteer(p, Town.HERE, Skill.HAIRDRESSING);
        UUID b = volunteer(p, Town.HERE, Skill.HAIRDRESSING);
        List<UUID> needs = new ArrayList<>();
        for (int i = 0; i < NEEDS; i++) {
            UUID needId = UUID.randomUUID();
            needs.add(needId);
            community()
                    .publish(
                            Aggregate.NEED,
                            needId,
                            Town.need(
                                    needId,
                                    p.community(),
                                    p.station(),
                                    Category.HAIRCUT,
                                    Urgency.URGENT,
                                    BeneficiaryGroup.VERY_OLD,
                                    "高龄老人上门理发 a haircut at home " + i,
                                    clock.instant(),
                                    7,
                                    null));
        }
        String ids = uuidArray(needs);

        // Every need answered: a live match, or waiting with its reason.
        awaitAnswered(needs);

        long ofA = count("select count(*) from match where candidate_id = ? and " + LIVE, a);
        long ofB = count("select count(*) from match where candidate_id = ? and " + LIVE, b);
        assertThat(ofA).as("volunteer a's live matches").isBetween(1L, 3L);
        assertThat(ofB).as("volunteer b's live matches").isBetween(1L, 3L);
        // Whoever else the needs went to (volunteers of other tests nearby), nobody holds more than they can take.
        assertThat(jdbc.queryForList(
                        "select count(*) from match where " + LIVE
                                + " and candidate_kind = 'VOLUNTEER' and candidate_id"
                                + " in (select candidate_id from match where need_id = any (?::uuid[]))"
                                + " group by candidate_id",
                        Long.class,
                        ids))
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3L));
        assertThat(jdbc.queryForList(
                        "select count(*) from match where need_id = any (?::uuid[]) and " + LIVE + " group by need_id",
                        Long.class,
                        ids))
                .as("at most one live match per need")
                .allSatisfy(n -> assertThat(n).isEqualTo(1L));
        // The engine's holds are the live matches, one for one (nothing held without its row, nothing left behind).
        await().atMost(WAIT).until(() -> engine.stats().holds() == count("select count(*) from match where " + LIVE));
    }
}
