package org.wushe.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The best-first search on a city of 200,000 volunteers and 20,000 offers. */
class SearchTest {

    private static final int VOLUNTEERS = 200_000;
    private static final int OFFERS = 20_000;
    private static List<VolunteerSpec> volunteers;
    private static List<OfferSpec> offers;
    private static List<NeedSpec> needs;
    private static MatchEngine engine;

    @BeforeAll
    static void city() {
        SmallCity city = new SmallCity(7, 300);
        volunteers = city.volunteers(VOLUNTEERS);
        offers = city.offers(OFFERS);
        needs = city.needs(300);
        engine = Fixtures.engine();
        volunteers.forEach(engine::putVolunteer);
        offers.forEach(engine::putOffer);
    }

    @Test
    void theSearchExaminesFarFewerCandidatesThanExist() {
        long examined = 0;
        long feasible = 0;
        for (NeedSpec need : needs) {
            MatchResult r = engine.match(need, 5, Set.of());
            examined += r.examined();
            feasible += r.proposals().isEmpty() ? 0 : 1;
        }
        double mean = examined / (double) needs.size();
        assertThat(feasible).as("needs with a proposal").isGreaterThan(needs.size() * 8L / 10);
        assertThat(mean).as("mean candidates examined per need").isLessThan((VOLUNTEERS + OFFERS) / 100.0);
        EngineStats stats = engine.stats();
        assertThat(stats.volunteers()).isEqualTo(VOLUNTEERS);
        assertThat(stats.offers()).isEqualTo(OFFERS);
        assertThat(stats.availabilityPatterns()).isLessThanOrEqualTo(26);
    }

    @Test
    void stoppingEarlyFindsTheSameBestAsExaminingEverythingInReach() {
        int stoppedEarly = 0;
        List<NeedSpec> sample = needs.subList(0, 60);
        for (NeedSpec need : sample) {
            MatchResult top = engine.match(need, 5, Set.of());
            MatchResult all = engine.match(need, Integer.MAX_VALUE, Set.of());
            assertThat(top.proposals())
                    .isEqualTo(all.proposals()
                            .subList(0, Math.min(5, all.proposals().size())));
            assertThat(top.examined()).isLessThanOrEqualTo(all.examined());
            stoppedEarly += top.examined() < all.examined() ? 1 : 0;
        }
        assertThat(stoppedEarly)
                .as("searches that stopped before the distance limit")
                .isGreaterThan(sample.size() / 2);
    }

    @Test
    void equalInputsGiveEqualResultsWhateverTheOrderOfLoading() {
        MatchEngine shuffled = Fixtures.engine();
        List<VolunteerSpec> v = new ArrayList<>(volunteers);
        List<OfferSpec> o = new ArrayList<>(offers);
        Collections.shuffle(v, new Random(1));
        Collections.shuffle(o, new Random(2));
        o.forEach(shuffled::putOffer);
        v.forEach(shuffled::putVolunteer);

        for (NeedSpec need : needs.subList(0, 100)) {
            assertThat(shuffled.match(need, 5, Set.of())).isEqualTo(engine.match(need, 5, Set.of()));
        }
    }
}
