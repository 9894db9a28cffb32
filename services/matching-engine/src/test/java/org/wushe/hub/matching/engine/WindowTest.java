package org.wushe.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wushe.hub.matching.engine.Fixtures.CLOCK;
import static org.wushe.hub.matching.engine.Fixtures.contested;
import static org.wushe.hub.matching.engine.Fixtures.id;
import static org.wushe.hub.matching.engine.Fixtures.need;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Category;

/** {@link MatchEngine#matchWindow}: a short window of needs assigned together, then held. */
class WindowTest {

    private final NeedSpec visit = need("visit", Category.COMPANIONSHIP).build();
    private final NeedSpec haircut = need("haircut", Category.HAIRCUT).build();

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
        // the visit could have had either; the haircut only the barber
        assertThat(window).extracting(WindowMatch::candidates).containsExactly(2, 1);
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
    void everyAssignmentOfAWindowFitsAndIsHeld() {
        for (int seed = 1; seed <= 15; seed++) {
            SmallCity city = new SmallCity(seed, 1);
            List<VolunteerSpec> volunteers = city.volunteers(8);
            List<OfferSpec> offers = city.offers(5);
            List<NeedSpec> needs = city.needs(12);
            MatchEngine windowed = scarce(volunteers, offers);
            List<WindowMatch> window = windowed.matchWindow(needs, Map.of(), 6);

            // the solver respected every capacity: the engine's own check (as tryHold) refused none
            assertThat(window)
                    .as("seed %d", seed)
                    .noneMatch(m -> m.reasonEn() != null && m.reasonEn().contains("just claimed"));
            assertThat(windowed.stats().holds())
                    .isEqualTo((int)
                            window.stream().filter(m -> m.matchId() != null).count())
                    .isPositive();
        }
    }

    @Test
    void withoutAPriceTheSolverFindsTheBestTotalScoreAndWithItTheBestScoreLessThePrice() {
        Random random = new Random(3);
        for (int instance = 0; instance < 300; instance++) {
            int needs = 1 + random.nextInt(6);
            int resources = 1 + random.nextInt(5);
            long[] capacity = new long[resources];
            for (int r = 0; r < resources; r++) {
                capacity[r] = 1 + random.nextInt(3);
            }
            List<List<Candidate>> lists = new ArrayList<>();
            for (int i = 0; i < needs; i++) {
                List<Candidate> list = new ArrayList<>();
                for (int r = 0; r < resources; r++) {
                    if (random.nextInt(3) > 0) {
                        long start = random.nextInt(4) * 60L;
                        Window booked = random.nextBoolean() ? null : new Window(start, start + 90);
                        list.add(candidate("r" + r, random.nextDouble(), capacity[r], 1 + random.nextInt(2), booked));
                    }
                }
                list.sort(Matcher.BEST_FIRST);
                lists.add(list);
            }
            for (double price : new double[] {0, 0.3}) {
                int[] chosen = WindowSolver.solve(lists, price);
                double best = bruteForce(lists, price, 0, new int[needs]);
                assertThat(value(lists, price, chosen))
                        .as("instance %d, price %s", instance, price)
                        .isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    /** The reference: every assignment tried, the feasible ones valued at Σ (score − price of the resource). */
    private static double bruteForce(List<List<Candidate>> lists, double price, int need, int[] chosen) {
        if (need == lists.size()) {
            return feasible(lists, chosen) ? value(lists, price, chosen) : Double.NEGATIVE_INFINITY;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j = -1; j < lists.get(need).size(); j++) {
            chosen[need] = j;
            best = Math.max(best, bruteForce(lists, price, need + 1, chosen));
        }
        return best;
    }

    private static boolean feasible(List<List<Candidate>> lists, int[] chosen) {
        Map<Object, Long> used = new HashMap<>();
        List<Candidate> taken = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] >= 0) {
                Candidate c = lists.get(i).get(chosen[i]);
                long total = used.merge(c.usage().resource(), c.usage().weight(), Long::sum);
                if (total > c.usage().capacity()) {
                    return false;
                }
                for (Candidate other : taken) {
                    if (other.usage().resource().equals(c.usage().resource())
                            && other.usage().booked() != null
                            && c.usage().booked() != null
                            && other.usage().booked().overlaps(c.usage().booked())) {
                        return false;
                    }
                }
                taken.add(c);
            }
        }
        return true;
    }

    /** Σ score − price × (demand − capacity) / demand of each chosen candidate's resource, when contested. */
    private static double value(List<List<Candidate>> lists, double price, int[] chosen) {
        Map<Object, Long> demand = new HashMap<>();
        Map<Object, Long> capacity = new HashMap<>();
        for (List<Candidate> list : lists) {
            Map<Object, Long> wants = new HashMap<>();
            for (Candidate c : list) {
                wants.merge(c.usage().resource(), c.usage().weight(), Math::min);
                capacity.merge(c.usage().resource(), c.usage().capacity(), Math::min);
            }
            wants.forEach((r, w) -> demand.merge(r, w, Long::sum));
        }
        double value = 0;
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] >= 0) {
                Candidate c = lists.get(i).get(chosen[i]);
                long d = demand.get(c.usage().resource());
                long cap = capacity.get(c.usage().resource());
                value += c.score() - (d > cap ? price * (d - cap) / d : 0);
            }
        }
        return value;
    }

    private static Candidate candidate(String resource, double score, long capacity, long weight, Window booked) {
        CandidateRef ref = CandidateRef.offer(UUID.nameUUIDFromBytes((resource + score).getBytes()));
        return new Candidate(
                ref,
                null,
                score,
                new double[Component.ALL.length],
                null,
                null,
                0,
                false,
                0,
                0,
                0,
                0,
                capacity,
                -1,
                0,
                0,
                new Candidate.Usage(resource, capacity, weight, booked));
    }

    private static MatchEngine scarce(List<VolunteerSpec> volunteers, List<OfferSpec> offers) {
        MatchEngine engine = new MatchEngine(MatchSettings.defaults().withMaxActiveMatchesPerVolunteer(1), CLOCK);
        volunteers.forEach(engine::putVolunteer);
        offers.forEach(engine::putOffer);
        return engine;
    }
}
