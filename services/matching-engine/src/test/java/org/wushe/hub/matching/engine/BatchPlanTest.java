package org.wushe.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.hub.matching.engine.Fixtures.CENTRE;
import static org.wushe.hub.matching.engine.Fixtures.CLOCK;
import static org.wushe.hub.matching.engine.Fixtures.contested;
import static org.wushe.hub.matching.engine.Fixtures.id;
import static org.wushe.hub.matching.engine.Fixtures.june;
import static org.wushe.hub.matching.engine.Fixtures.need;
import static org.wushe.hub.matching.engine.Fixtures.offer;
import static org.wushe.hub.matching.engine.Fixtures.offset;
import static org.wushe.hub.matching.engine.Fixtures.volunteer;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

class BatchPlanTest {

    @Test
    void aBatchPlanBeatsGreedyWhenTheFirstNeedTakesTheContestedVolunteer() {
        NeedSpec visit = need("visit", Category.COMPANIONSHIP).build();
        NeedSpec haircut = need("haircut", Category.HAIRCUT).build();
        List<NeedSpec> needs = List.of(visit, haircut);

        MatchEngine greedy = contested();
        double greedyTotal = 0;
        for (NeedSpec n : needs) {
            MatchResult r = greedy.match(n, 1, Set.of());
            if (!r.proposals().isEmpty()) {
                Proposal p = r.proposals().get(0);
                assertThat(greedy.tryHold(UUID.randomUUID(), p.candidate(), Allocation.time(p.window())))
                        .isTrue();
                greedyTotal += p.score();
            }
        }
        BatchPlan exact = contested().plan(needs, Map.of(), BatchOptions.exactPlan());
        BatchPlan topK = contested().plan(needs, Map.of(), BatchOptions.topK(3, Duration.ofSeconds(5)));

        assertThat(exact.solverStatus()).isEqualTo("OPTIMAL");
        assertThat(exact.assignments()).extracting(p -> p.candidate().id()).containsExactly(id("walker"), id("barber"));
        assertThat(exact.totalScore()).isGreaterThan(greedyTotal);
        assertThat(exact.unassignedReasons()).isEmpty();
        assertThat(topK.assignments()).isEqualTo(exact.assignments());
        assertThat(greedyTotal).isLessThan(exact.totalScore() * 0.7);
    }

    @Test
    void anExactPlanEqualsTheBruteForceOptimum() {
        Random random = new Random(11);
        for (int instance = 0; instance < 40; instance++) {
            int maxActive = 1 + random.nextInt(2);
            MatchEngine engine =
                    new MatchEngine(MatchSettings.defaults().withMaxActiveMatchesPerVolunteer(maxActive), CLOCK);
            Map<UUID, Long> stock = new HashMap<>();
            List<NeedSpec> needs = tinyInstance(random, engine, stock);

            BatchPlan plan = engine.plan(needs, Map.of(), BatchOptions.exactPlan());

            List<List<Proposal>> candidates = new ArrayList<>();
            for (NeedSpec n : needs) {
                candidates.add(engine.match(n, Integer.MAX_VALUE, Set.of()).proposals());
            }
            long best = bruteForce(candidates, 0, new ArrayList<>(), maxActive, stock);
            assertThat(plan.solverStatus()).isEqualTo("OPTIMAL");
            assertThat(gain(plan.assignments())).as("instance %d", instance).isEqualTo(best);
            assertThat(feasible(plan.assignments(), maxActive, stock)).isTrue();
        }
    }

    @Test
    void aPlanRespectsEveryCapacityAndSaysWhoIsLeftOut() {
        Random random = new Random(5);
        MatchEngine engine = new MatchEngine(MatchSettings.defaults().withMaxActiveMatchesPerVolunteer(2), CLOCK);
        Map<UUID, Long> stock = new HashMap<>();
        List<NeedSpec> needs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            engine.putVolunteer(volunteer("v" + i, Skill.ELDER_CARE)
                    .at(offset(CENTRE, random.nextDouble() * 3, random.nextDouble() * 3))
                    .weekly(new WeeklySlot(DayOfWeek.of(1 + random.nextInt(7)), 9 * 60, 12 * 60))
                    .build());
        }
        for (int i = 0; i < 4; i++) {
            long remaining = 3 + random.nextInt(5);
            OfferSpec o = offer("o" + i, OfferKind.GOODS, Category.DAILY_GOODS)
                    .remaining(remaining)
                    .unit(QuantityUnit.BOX)
                    .at(offset(CENTRE, random.nextDouble() * 3, random.nextDouble() * 3))
                    .build();
            engine.putOffer(o);
            stock.put(o.offerId(), remaining);
        }
        engine.hold(id("earlier"), CandidateRef.offer(id("o0")), Allocation.goods(2, QuantityUnit.BOX));
        stock.merge(id("o0"), -2L, Long::sum);
        for (int i = 0; i < 50; i++) {
            boolean goods = i % 2 == 0;
            needs.add(need("n" + i, goods ? Category.DAILY_GOODS : Category.COMPANIONSHIP)
                    .quantity(1 + random.nextInt(3), QuantityUnit.BOX)
                    .urgency(Urgency.values()[1 + random.nextInt(4)])
                    .group(BeneficiaryGroup.values()[1 + random.nextInt(10)])
                    .at(offset(CENTRE, random.nextDouble() * 3, random.nextDouble() * 3))
                    .build());
        }
        needs.add(need("far-away", Category.COMPANIONSHIP)
                .at(offset(CENTRE, 40, 0))
                .build());

        BatchPlan plan = engine.plan(
                needs,
                Map.of(id("n1"), Set.of(CandidateRef.volunteer(id("v0")))),
                BatchOptions.topK(4, Duration.ofSeconds(10)));

        assertThat(plan.solverStatus()).isIn("OPTIMAL", "FEASIBLE");
        assertThat(feasible(plan.assignments(), 2, stock)).isTrue();
        assertThat(plan.assignments().size() + plan.unassignedReasons().size()).isEqualTo(needs.size());
        assertThat(plan.assignments()).extracting(Proposal::needId).doesNotHaveDuplicates();
        assertThat(plan.assignments())
                .noneMatch(
                        p -> p.needId().equals(id("n1")) && p.candidate().id().equals(id("v0")));
        assertThat(plan.totalScore())
                .isEqualTo(
                        plan.assignments().stream().mapToDouble(Proposal::score).sum());
        assertThat(plan.unassignedReasons().get(id("far-away")))
                .isEqualTo("5公里内没有技能或类别相符的志愿者或资源 / No volunteer or offer of the right skill or category within 5 km");
        assertThat(plan.unassignedReasons().values()).anyMatch(r -> r.contains("went to needs that scored higher"));
        long volunteersUsed = plan.assignments().stream()
                .filter(p -> p.candidate().kind() == CandidateKind.VOLUNTEER)
                .count();
        assertThat(volunteersUsed).isLessThanOrEqualTo(24);
    }

    /** A few volunteers with one slot each, a few scarce goods offers, and needs for both, all close together. */
    private static List<NeedSpec> tinyInstance(Random random, MatchEngine engine, Map<UUID, Long> stock) {
        String tag = Long.toHexString(random.nextLong());
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
            engine.putVolunteer(volunteer(tag + "v" + i, Skill.ELDER_CARE)
                    .at(offset(CENTRE, random.nextDouble() * 2, random.nextDouble() * 2))
                    .weekly(new WeeklySlot(DayOfWeek.of(3 + random.nextInt(3)), 9 * 60, (10 + random.nextInt(3)) * 60))
                    .build());
        }
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            long remaining = 1 + random.nextInt(4);
            OfferSpec o = offer(tag + "o" + i, OfferKind.GOODS, Category.DAILY_GOODS)
                    .remaining(remaining)
                    .unit(QuantityUnit.BOX)
                    .at(offset(CENTRE, random.nextDouble() * 2, random.nextDouble() * 2))
                    .build();
            engine.putOffer(o);
            stock.put(o.offerId(), remaining);
        }
        List<NeedSpec> needs = new ArrayList<>();
        for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
            boolean goods = random.nextInt(3) == 0;
            int day = 11 + random.nextInt(3);
            needs.add(need(tag + "n" + i, goods ? Category.DAILY_GOODS : Category.COMPANIONSHIP)
                    .quantity(1 + random.nextInt(3), QuantityUnit.BOX)
                    .minutes(60 + 30 * random.nextInt(3))
                    .window(june(day, 9, 0), june(day + 1, 0, 0))
                    .urgency(Urgency.values()[1 + random.nextInt(4)])
                    .group(BeneficiaryGroup.values()[1 + random.nextInt(10)])
                    .at(offset(CENTRE, random.nextDouble() * 2, random.nextDouble() * 2))
                    .build());
        }
        return needs;
    }

    private static long bruteForce(
            List<List<Proposal>> candidates, int need, List<Proposal> chosen, int maxActive, Map<UUID, Long> stock) {
        if (!feasible(chosen, maxActive, stock)) {
            return Long.MIN_VALUE;
        }
        if (need == candidates.size()) {
            return gain(chosen);
        }
        long best = bruteForce(candidates, need + 1, chosen, maxActive, stock);
        for (Proposal p : candidates.get(need)) {
            chosen.add(p);
            best = Math.max(best, bruteForce(candidates, need + 1, chosen, maxActive, stock));
            chosen.remove(chosen.size() - 1);
        }
        return best;
    }

    /** No volunteer over their live-match limit or booked twice at once, no offer over its stock. */
    static boolean feasible(List<Proposal> chosen, int maxActive, Map<UUID, Long> stock) {
        Map<UUID, List<Window>> booked = new HashMap<>();
        Map<UUID, Long> used = new HashMap<>();
        for (Proposal p : chosen) {
            UUID id = p.candidate().id();
            if (p.candidate().kind() == CandidateKind.VOLUNTEER) {
                List<Window> windows = booked.computeIfAbsent(id, k -> new ArrayList<>());
                if (windows.size() >= maxActive || windows.stream().anyMatch(p.window()::overlaps)) {
                    return false;
                }
                windows.add(p.window());
            } else if (used.merge(id, (long) p.allocation().quantity(), Long::sum) > stock.get(id)) {
                return false;
            }
        }
        return true;
    }

    private static long gain(List<Proposal> chosen) {
        return chosen.stream()
                .mapToLong(p -> Math.round(p.score() * BatchPlanner.SCALE))
                .sum();
    }
}
