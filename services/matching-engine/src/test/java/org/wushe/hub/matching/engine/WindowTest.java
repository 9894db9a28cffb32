package org.wushe.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wushe.hub.matching.engine.Fixtures.CENTRE;
import static org.wushe.hub.matching.engine.Fixtures.CLOCK;
import static org.wushe.hub.matching.engine.Fixtures.id;
import static org.wushe.hub.matching.engine.Fixtures.need;
import static org.wushe.hub.matching.engine.Fixtures.offset;
import static org.wushe.hub.matching.engine.Fixtures.volunteer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;

/** {@link MatchEngine#matchWindow}: a short window of needs assigned together, then held. */
class WindowTest {

    private final NeedSpec visit = need("visit", Category.COMPANIONSHIP).build();
    private final NeedSpec haircut = need("haircut", Category.HAIRCUT).build();

    /** The barber lives next door and can also keep someone company; the walker lives farther and cannot cut hair. */
    private static MatchEngine contested() {
        MatchEngine engine = new MatchEngine(MatchSettings.defaults().withMaxActiveMatchesPerVolunteer(1), CLOCK);
        engine.putVolunteer(
                volunteer("barber", Skill.HAIRDRESSING, Skill.ELDER_CARE).build());
        engine.putVolunteer(
                volunteer("walker", Skill.ELDER_CARE).at(offset(CENTRE, 3, 0)).build());
        return engine;
    }

    @Test
    void greedyGivesTheVisitTheBarberTheHaircutNeedsButTheWindowDoesNot() {
        MatchEngine greedy = contested();
        Proposal first = greedy.match(visit, 1, Set.of()).proposals().get(0);
        assertThat(first.candidate().id()).isEqualTo(id("barber"));
        assertThat(greedy.tryHold(UUID.randomUUID(), first.candidate(), Allocation.time(first.window())))
                .isTrue();
        assertThat(greedy.match(haircut, 1, Set.of()).proposals()).isEmpty();

        MatchEngine engine = contested();
        List<WindowMatch> window = engine.matchWindow(List.of(visit, haircut), Map.of(), 5);

        assertThat(window).extracting(WindowMatch::needId).containsExactly(visit.needId(), haircut.needId());
        assertThat(window).extracting(m -> m.proposal().candidate().id()).containsExactly(id("walker"), id("barber"));
        assertThat(window).allSatisfy(m -> {
            assertThat(m.matchId()).isNotNull();
            assertThat(m.held().window()).isEqualTo(m.proposal().window());
            assertThat(m.reasonZh()).isNull();
            assertThat(m.deferred()).isFalse();
        });
        // both are held: nobody is left for either need, and the exact plan agrees with the window
        assertThat(engine.stats().holds()).isEqualTo(2);
        assertThat(engine.match(visit, 5, Set.of()).proposals()).isEmpty();
        BatchPlan exact = contested().plan(List.of(visit, haircut), Map.of(), BatchOptions.exactPlan());
        assertThat(window).extracting(WindowMatch::proposal).containsExactlyElementsOf(exact.assignments());

        // released, the barber can be matched again
        engine.release(window.get(1).matchId());
        assertThat(engine.match(haircut, 1, Set.of()).proposals())
                .extracting(p -> p.candidate().id())
                .containsExactly(id("barber"));
    }

    @Test
    void aNeedWhoseCandidatesWentToBetterNeedsOfTheWindowIsToldWhy() {
        NeedSpec secondVisit = need("second visit", Category.COMPANIONSHIP).build();
        NeedSpec thirdVisit = need("third visit", Category.COMPANIONSHIP).build();
        List<WindowMatch> window = contested().matchWindow(List.of(visit, haircut, secondVisit, thirdVisit), null, 5);

        assertThat(window.stream().filter(m -> m.proposal() != null)).hasSize(2);
        WindowMatch left = window.get(3);
        assertThat(left.proposal()).isNull();
        assertThat(left.matchId()).isNull();
        assertThat(left.reasonZh()).contains("同一批中得分更高的需求");
        assertThat(left.reasonEn()).contains("went to needs of the same window that scored higher");
    }

    @Test
    void aRollingWindowAssignsItsFirstNeedsWithTheLaterOnesInMindAndDefersTheRest() {
        MatchEngine engine = contested();
        List<WindowMatch> window = engine.matchWindow(List.of(visit, haircut), Map.of(), 5, 1);

        // the visit is assigned knowing the haircut is waiting: the walker, not the barber
        assertThat(window.get(0).proposal().candidate().id()).isEqualTo(id("walker"));
        assertThat(window.get(1).deferred()).isTrue();
        assertThat(window.get(1).matchId()).isNull();
        assertThat(engine.stats().holds()).isEqualTo(1);
        // the haircut, next time round, still finds the barber
        assertThat(engine.matchWindow(List.of(haircut), Map.of(), 5, 1)
                        .get(0)
                        .proposal()
                        .candidate()
                        .id())
                .isEqualTo(id("barber"));

        assertThatThrownBy(() -> engine.matchWindow(List.of(visit), Map.of(), 5, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.matchWindow(List.of(visit, visit), Map.of(), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void aWindowReachesTheOptimumOfItsCandidatesAndEveryAssignmentFits() {
        for (int seed = 1; seed <= 15; seed++) {
            SmallCity city = new SmallCity(seed, 1);
            List<VolunteerSpec> volunteers = city.volunteers(8);
            List<OfferSpec> offers = city.offers(5);
            List<NeedSpec> needs = city.needs(12);
            MatchEngine planned = scarce(volunteers, offers);
            MatchEngine windowed = scarce(volunteers, offers);

            BatchPlan plan = planned.plan(needs, Map.of(), BatchOptions.topK(6, Duration.ofSeconds(10)));
            List<WindowMatch> window = windowed.matchWindow(needs, Map.of(), 6);

            double total = window.stream()
                    .filter(m -> m.proposal() != null)
                    .mapToDouble(m -> m.proposal().score())
                    .sum();
            // CP-SAT maximises scores rounded to thousandths, the window the scores themselves
            assertThat(total)
                    .as("seed %d", seed)
                    .isCloseTo(plan.totalScore(), org.assertj.core.data.Offset.offset(needs.size() * 0.0005 + 1e-9));
            assertThat(plan.solverStatus()).isEqualTo("OPTIMAL");
            // the window held all it assigned: none was refused for want of room
            assertThat(window)
                    .noneMatch(m -> m.reasonEn() != null && m.reasonEn().contains("just claimed"));
            assertThat(windowed.stats().holds()).isEqualTo((int)
                    window.stream().filter(m -> m.matchId() != null).count());
        }
    }

    private static MatchEngine scarce(List<VolunteerSpec> volunteers, List<OfferSpec> offers) {
        MatchEngine engine = new MatchEngine(MatchSettings.defaults().withMaxActiveMatchesPerVolunteer(1), CLOCK);
        volunteers.forEach(engine::putVolunteer);
        offers.forEach(engine::putOffer);
        return engine;
    }
}
