package org.wushe.hub.bench.matching;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.matching.engine.Allocation;
import org.wushe.hub.matching.engine.BatchOptions;
import org.wushe.hub.matching.engine.BatchPlan;
import org.wushe.hub.matching.engine.GeoPoint;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.engine.MatchResult;
import org.wushe.hub.matching.engine.MatchSettings;
import org.wushe.hub.matching.engine.NeedSpec;
import org.wushe.hub.matching.engine.OfferKind;
import org.wushe.hub.matching.engine.OfferSpec;
import org.wushe.hub.matching.engine.Proposal;
import org.wushe.hub.matching.engine.VolunteerSpec;
import org.wushe.hub.matching.engine.WeeklySlot;
import org.wushe.hub.matching.engine.Window;

/**
 * Match quality on one small scarce instance: a neighbourhood of about 2 km with more needs than its volunteers
 * (one live match each), goods and service places can serve. The same instance is solved three ways on fresh
 * engines: CP-SAT exact (the optimum, OPTIMAL asserted), streaming greedy (each need in arrival order takes its best
 * candidate via match and holds it), and the batch plan (top-k candidates per need, time limit). Every pick is
 * valued at its score in the initial state, the objective the plan maximises.
 */
final class QualityRun {

    private static final Category[] CATEGORIES = {
        Category.COMPANIONSHIP,
        Category.HAIRCUT,
        Category.HOME_REPAIR,
        Category.DAILY_GOODS,
        Category.MEAL_ASSISTANCE,
        Category.ESCORT,
        Category.HEALTH
    };
    private static final Skill[] SKILLS = {
        Skill.ELDER_CARE,
        Skill.HAIRDRESSING,
        Skill.HOME_REPAIR,
        Skill.ELECTRICAL,
        Skill.DRIVING,
        Skill.NURSING,
        Skill.COOKING
    };

    private final List<VolunteerSpec> volunteers = new ArrayList<>();
    private final List<OfferSpec> offers = new ArrayList<>();
    private final List<NeedSpec> needs = new ArrayList<>();
    private final MatchSettings settings = MatchSettings.defaults().withMaxActiveMatchesPerVolunteer(1);
    private final Clock clock;

    /** One instance's totals: the optimum and what greedy and the batch plan reached, with the needs each served. */
    record Result(
            double optimum,
            double greedy,
            double batch,
            int needs,
            int servedOptimum,
            int servedGreedy,
            int servedBatch,
            long exactMillis,
            String batchStatus,
            double[] window,
            int[] servedWindow) {}

    QualityRun(long seed, int needCount, int candidateCount, Clock clock) {
        this.clock = clock;
        Random random = new Random(seed);
        long now = clock.millis();
        GeoPoint centre = new GeoPoint(39.90 + random.nextDouble() * 0.1, 116.30 + random.nextDouble() * 0.2);
        int volunteerCount = candidateCount * 6 / 10;
        int goodsCount = candidateCount * 25 / 100;
        for (int i = 0; i < volunteerCount; i++) {
            Set<Skill> skills = EnumSet.of(SKILLS[random.nextInt(SKILLS.length)]);
            if (random.nextBoolean()) {
                skills.add(SKILLS[random.nextInt(SKILLS.length)]);
            }
            List<WeeklySlot> slots = random.nextBoolean()
                    ? List.of(new WeeklySlot(DayOfWeek.of(3 + random.nextInt(3)), 8 * 60 + 30, 11 * 60 + 30))
                    : List.of(
                            new WeeklySlot(DayOfWeek.SATURDAY, 9 * 60, 12 * 60),
                            new WeeklySlot(DayOfWeek.SUNDAY, 14 * 60, 17 * 60));
            volunteers.add(new VolunteerSpec(
                    new UUID(seed, i),
                    null,
                    near(random, centre),
                    null,
                    skills,
                    Set.of(),
                    false,
                    false,
                    slots,
                    List.of(),
                    null));
        }
        Window available = new Window(
                now - Duration.ofDays(1).toMillis(), now + Duration.ofDays(30).toMillis());
        for (int i = 0; i < candidateCount - volunteerCount; i++) {
            UUID id = new UUID(seed, 1000 + i);
            if (i < goodsCount) {
                Category category = random.nextBoolean() ? Category.DAILY_GOODS : Category.MEAL_ASSISTANCE;
                offers.add(new OfferSpec(
                        id,
                        id,
                        OfferKind.GOODS,
                        category,
                        Set.of(),
                        Set.of(),
                        near(random, centre),
                        null,
                        available,
                        1 + random.nextInt(4),
                        null,
                        random.nextBoolean() ? LocalDate.of(2025, 6, 12).plusDays(random.nextInt(20)) : null,
                        null,
                        Set.of(),
                        Set.of(),
                        List.of(),
                        null));
            } else {
                Category category = random.nextBoolean() ? Category.HAIRCUT : Category.HEALTH;
                offers.add(new OfferSpec(
                        id,
                        id,
                        OfferKind.SERVICE,
                        category,
                        Set.of(),
                        Set.of(),
                        near(random, centre),
                        null,
                        available,
                        1 + random.nextInt(2),
                        null,
                        null,
                        null,
                        Set.of(),
                        Set.of(),
                        List.of(new WeeklySlot(DayOfWeek.of(3 + random.nextInt(4)), 9 * 60, 11 * 60)),
                        30));
            }
        }
        for (int i = 0; i < needCount; i++) {
            Category category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            boolean goods = category == Category.DAILY_GOODS || category == Category.MEAL_ASSISTANCE;
            long start = now + Duration.ofHours(random.nextInt(48)).toMillis();
            needs.add(new NeedSpec(
                    new UUID(seed, 2000 + i),
                    new UUID(seed, 0),
                    new UUID(seed, 1),
                    category,
                    Urgency.values()[1 + random.nextInt(4)],
                    BeneficiaryGroup.values()[1 + random.nextInt(10)],
                    1,
                    near(random, centre),
                    null,
                    new Window(
                            start,
                            start + Duration.ofDays(2 + random.nextInt(4)).toMillis()),
                    goods ? 1 + random.nextInt(3) : null,
                    goods ? QuantityUnit.PORTION : null,
                    Set.of(),
                    Set.of(),
                    60,
                    now - Duration.ofHours(random.nextInt(72)).toMillis()));
        }
    }

    /**
     * @param windows how the needs go, in arrival order, through {@link MatchEngine#matchWindow} with {@code windowK}
     *                candidates per need
     */
    Result run(int batchCandidates, Duration batchLimit, List<WindowSpec> windows, int windowK) {
        MatchEngine exactEngine = load();
        Map<String, Double> initial = new HashMap<>();
        for (NeedSpec n : needs) {
            for (Proposal p : exactEngine.match(n, Integer.MAX_VALUE, Set.of()).proposals()) {
                initial.put(n.needId() + "/" + p.candidate(), p.score());
            }
        }
        BatchPlan exact = exactEngine.plan(needs, Map.of(), BatchOptions.exactPlan());
        if (!exact.solverStatus().equals("OPTIMAL")) {
            throw new IllegalStateException("the exact plan is " + exact.solverStatus() + ", not OPTIMAL");
        }
        BatchPlan batch = load().plan(needs, Map.of(), BatchOptions.topK(batchCandidates, batchLimit));

        MatchEngine greedyEngine = load();
        double greedy = 0;
        int servedGreedy = 0;
        for (NeedSpec n : needs) {
            MatchResult r = greedyEngine.match(n, 1, Set.of());
            if (r.proposals().isEmpty()) {
                continue;
            }
            Proposal best = r.proposals().get(0);
            Allocation claim = best.allocation() != null ? best.allocation() : Allocation.time(best.window());
            if (greedyEngine.tryHold(UUID.randomUUID(), best.candidate(), claim)) {
                greedy += initial.get(n.needId() + "/" + best.candidate());
                servedGreedy++;
            }
        }
        double[] window = new double[windows.size()];
        int[] servedWindow = new int[windows.size()];
        for (int w = 0; w < windows.size(); w++) {
            int at = w;
            windows.get(w).run(load(), needs, windowK, m -> {
                if (m.proposal() != null) {
                    window[at] += initial.get(m.needId() + "/" + m.proposal().candidate());
                    servedWindow[at]++;
                }
            });
        }
        return new Result(
                valued(exact, initial),
                greedy,
                valued(batch, initial),
                needs.size(),
                exact.assignments().size(),
                servedGreedy,
                batch.assignments().size(),
                exact.solveMillis(),
                batch.solverStatus(),
                window,
                servedWindow);
    }

    private static double valued(BatchPlan plan, Map<String, Double> initial) {
        return plan.assignments().stream()
                .mapToDouble(p -> initial.get(p.needId() + "/" + p.candidate()))
                .sum();
    }

    private MatchEngine load() {
        MatchEngine engine = new MatchEngine(settings, clock);
        volunteers.forEach(engine::putVolunteer);
        offers.forEach(engine::putOffer);
        return engine;
    }

    private static GeoPoint near(Random random, GeoPoint centre) {
        return new GeoPoint(
                Math.round((centre.latitude() + (random.nextDouble() - 0.5) * 0.02) * 100) / 100.0,
                Math.round((centre.longitude() + (random.nextDouble() - 0.5) * 0.025) * 100) / 100.0);
    }

    /** The candidates in the instance, for the report. */
    int candidates() {
        return volunteers.size() + offers.size();
    }
}
