package org.wushe.hub.matching.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.engine.MatchSettings;
import org.wushe.hub.matching.engine.VolunteerSpec;
import org.wushe.hub.matching.support.MatchingScenario;

/**
 * Loading the engine from the tables (at start and after a replay) parses the specs on a second thread, a chunk at a
 * time, while the reading thread puts the parsed ones into the engine (issue #16, item 7): every row arrives, chunks
 * in flight and the last partial one included, and a row that cannot be read fails the load instead of being
 * skipped. Each test loads a fresh engine, so the service's own is left alone, and removes the rows it wrote.
 */
class ReadModelLoadTest extends MatchingScenario {

    /** A place of its own, far from the other tests' volunteers (its one live volunteer stays in the engine). */
    private static final double[] SPOT = {29.56, 106.55};

    /** More than the chunks the load parses ahead (4 of 1,000), plus a partial one. */
    private static final int COPIES = 6_543;

    @Autowired
    ReadModel readModel;

    @Test
    void everyVolunteerAndActiveOfferReachesTheEngineWhenManyChunksAreParsedAhead() {
        Place p = newPlace();
        VolunteerSpec model =
                readModel.volunteer(volunteer(p, SPOT, Skill.HAIRDRESSING)).orElseThrow();
        List<ReadModel.VolunteerPut> copies = new ArrayList<>(COPIES);
        for (int i = 0; i < COPIES; i++) {
            copies.add(new ReadModel.VolunteerPut(copy(model, UUID.randomUUID()), "copy " + i, Instant.now()));
        }
        List<UUID> ids = copies.stream().map(c -> c.spec().volunteerId()).toList();
        try {
            readModel.putVolunteers(copies);
            long volunteers = count("select count(*) from volunteer_view");
            long offers = count("select count(*) from offer_view where active");
            assertThat(volunteers).isGreaterThan(COPIES);

            MatchEngine fresh = new MatchEngine(MatchSettings.defaults(), clock);
            long[] loaded = readModel.loadInto(fresh);

            assertThat(loaded).containsExactly(volunteers, offers);
            assertThat(fresh.stats().volunteers()).isEqualTo((int) volunteers);
            assertThat(fresh.stats().offers()).isEqualTo((int) offers);
        } finally {
            jdbc.update("delete from volunteer_view where volunteer_id = any(?::uuid[])", uuidArray(ids));
        }
    }

    @Test
    void aSpecThatCannotBeReadFailsTheLoad() {
        UUID broken = UUID.randomUUID();
        jdbc.update(
                "insert into volunteer_view (volunteer_id, label, spec, updated_at) values (?, 'broken', ?::jsonb, now())",
                broken,
                "{\"volunteerId\": null}");
        try {
            MatchEngine fresh = new MatchEngine(MatchSettings.defaults(), clock);
            assertThatThrownBy(() -> readModel.loadInto(fresh))
                    .as("parsed on the load's second thread, thrown on the caller's")
                    .isInstanceOf(tools.jackson.core.JacksonException.class)
                    .hasMessageContaining(VolunteerSpec.class.getName());
        } finally {
            jdbc.update("delete from volunteer_view where volunteer_id = ?", broken);
        }
    }

    private static VolunteerSpec copy(VolunteerSpec v, UUID id) {
        return new VolunteerSpec(
                id,
                v.communityId(),
                v.home(),
                v.geohash(),
                v.skills(),
                v.languages(),
                v.youngOld(),
                v.inHardship(),
                v.weeklySlots(),
                v.oneOffWindows(),
                v.maxHoursPerWeek());
    }
}
