package org.wushe.hub.matching.engine;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

/**
 * Configuration of a {@link MatchEngine}. Start from {@link #defaults()} and change what you need with the
 * {@code with…} methods.
 *
 * @param weights                      weights of the score components; kept normalised to sum 1
 * @param maxDistanceKm                candidates farther than this are not proposed (funds earmarked for the need's
 *                                     community excepted)
 * @param maxActiveMatchesPerVolunteer live holds a volunteer may have at once
 * @param minScore                     candidates scoring below this are not proposed
 * @param zone                         zone of weekly slots and of dates in the explanations
 * @param categorySkills               skills that fit a category when the need requires none
 * @param openCategories               categories any volunteer may help with, at {@code generalistSkillValue}
 * @param generalistSkillValue         skill value of a volunteer without a fitting skill in an open category
 * @param offerKinds                   which kinds of offer can meet a need of a category (the offer's category must
 *                                     also be the need's)
 * @param urgencyValues                urgency value of each urgency before the waiting bonus
 * @param groupPriorities              priority value of each beneficiary group
 * @param defaultServiceMinutes        service time of a need that gives none and of an offer without session length
 * @param minOverlapMinutes            shortest common free time worth proposing when the full service time is not
 *                                     available
 * @param defaultFundPerNeedFen        what a fund gives one need when it has no cap per need
 * @param planningHorizon              how far after now the engine looks for a common free time
 * @param fairnessWindow               completed service in this window counts toward a volunteer's load and
 *                                     their maxHoursPerWeek
 * @param fairnessFullMinutes          completed minutes in the window at which the load value bottoms out
 * @param expiryHorizonDays            goods expiring this many days out or later get the lowest expiry value
 * @param solverWorkers                CP-SAT worker threads; 1 keeps plans reproducible run to run
 */
public record MatchSettings(
        MatchWeights weights,
        double maxDistanceKm,
        int maxActiveMatchesPerVolunteer,
        double minScore,
        ZoneId zone,
        Map<Category, Set<Skill>> categorySkills,
        Set<Category> openCategories,
        double generalistSkillValue,
        Map<Category, Set<OfferKind>> offerKinds,
        Map<Urgency, Double> urgencyValues,
        Map<BeneficiaryGroup, Double> groupPriorities,
        int defaultServiceMinutes,
        int minOverlapMinutes,
        long defaultFundPerNeedFen,
        Duration planningHorizon,
        Duration fairnessWindow,
        int fairnessFullMinutes,
        int expiryHorizonDays,
        int solverWorkers) {

    public MatchSettings {
        weights = Objects.requireNonNull(weights, "weights").normalised();
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(planningHorizon, "planningHorizon");
        Objects.requireNonNull(fairnessWindow, "fairnessWindow");
        positive("maxDistanceKm", maxDistanceKm);
        positive("maxActiveMatchesPerVolunteer", maxActiveMatchesPerVolunteer);
        unit("minScore", minScore);
        unit("generalistSkillValue", generalistSkillValue);
        positive("defaultServiceMinutes", defaultServiceMinutes);
        positive("minOverlapMinutes", minOverlapMinutes);
        positive("defaultFundPerNeedFen", defaultFundPerNeedFen);
        positive("planningHorizon days", planningHorizon.toMinutes());
        positive("fairnessWindow minutes", fairnessWindow.toMinutes());
        positive("fairnessFullMinutes", fairnessFullMinutes);
        positive("expiryHorizonDays", expiryHorizonDays);
        positive("solverWorkers", solverWorkers);
        categorySkills = enumSets(Category.class, categorySkills, Skill.class);
        offerKinds = enumSets(Category.class, offerKinds, OfferKind.class);
        openCategories = Collections.unmodifiableSet(
                openCategories.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(openCategories));
        urgencyValues = unitValues(Urgency.class, urgencyValues);
        groupPriorities = unitValues(BeneficiaryGroup.class, groupPriorities);
    }

    /** The defaults described in README.md: 5 km, 3 live matches per volunteer, Asia/Shanghai, the skill table… */
    public static MatchSettings defaults() {
        Map<Category, Set<Skill>> skills = new EnumMap<>(Category.class);
        skills.put(
                Category.HOME_REPAIR,
                EnumSet.of(Skill.HOME_REPAIR, Skill.ELECTRICAL, Skill.PLUMBING, Skill.CARPENTRY_ASSEMBLY));
        skills.put(Category.SAFETY_CHECK, EnumSet.of(Skill.GAS_SAFETY, Skill.ELECTRICAL));
        skills.put(Category.MEAL_ASSISTANCE, EnumSet.of(Skill.COOKING));
        skills.put(Category.HEALTH, EnumSet.of(Skill.MEDICAL, Skill.NURSING));
        skills.put(Category.ESCORT, EnumSet.of(Skill.DRIVING, Skill.ELDER_CARE));
        skills.put(Category.COMPANIONSHIP, EnumSet.of(Skill.ELDER_CARE, Skill.SOCIAL_WORK));
        skills.put(Category.HAIRCUT, EnumSet.of(Skill.HAIRDRESSING));
        skills.put(Category.LEGAL_ADVICE, EnumSet.of(Skill.LEGAL));
        skills.put(Category.ANTI_FRAUD, EnumSet.of(Skill.ANTI_FRAUD_EDUCATION));
        skills.put(Category.MEDIATION, EnumSet.of(Skill.MEDIATION));
        skills.put(Category.PSYCHOLOGICAL_SUPPORT, EnumSet.of(Skill.PSYCHOLOGICAL_COUNSELLING));
        skills.put(Category.TUTORING, EnumSet.of(Skill.TUTORING));
        skills.put(Category.STUDY_SPACE, EnumSet.of(Skill.CARPENTRY_ASSEMBLY));
        skills.put(Category.CULTURAL_EVENT, EnumSet.of(Skill.CULTURAL_ARTS, Skill.EVENT_ORGANIZING));

        Map<Category, Set<OfferKind>> kinds = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            if (c != Category.UNKNOWN) {
                kinds.put(c, EnumSet.of(OfferKind.SERVICE, OfferKind.CAPACITY, OfferKind.FUND));
            }
        }
        for (Category c : EnumSet.of(Category.DAILY_GOODS, Category.MEAL_ASSISTANCE, Category.STUDY_SPACE)) {
            kinds.get(c).add(OfferKind.GOODS);
        }
        for (Category c : EnumSet.of(Category.STUDY_SPACE, Category.CULTURAL_EVENT)) {
            kinds.get(c).add(OfferKind.VENUE);
        }

        Map<Urgency, Double> urgency = new EnumMap<>(Urgency.class);
        urgency.put(Urgency.IMMEDIATE, 1.0);
        urgency.put(Urgency.URGENT, 0.8);
        urgency.put(Urgency.SOON, 0.5);
        urgency.put(Urgency.ROUTINE, 0.3);
        urgency.put(Urgency.UNKNOWN, 0.3);

        Map<BeneficiaryGroup, Double> groups = new EnumMap<>(BeneficiaryGroup.class);
        groups.put(BeneficiaryGroup.ELDERLY_ALONE, 1.0);
        groups.put(BeneficiaryGroup.CHILDLESS_ELDERLY, 1.0);
        groups.put(BeneficiaryGroup.VERY_OLD, 0.9);
        groups.put(BeneficiaryGroup.DISABLED, 0.9);
        groups.put(BeneficiaryGroup.CHILD_IN_HARDSHIP, 0.9);
        groups.put(BeneficiaryGroup.LOW_INCOME_FAMILY, 0.8);
        groups.put(BeneficiaryGroup.NEWCOMER, 0.5);
        groups.put(BeneficiaryGroup.FOREIGN_RESIDENT, 0.5);
        groups.put(BeneficiaryGroup.ALL_RESIDENTS, 0.4);
        groups.put(BeneficiaryGroup.OTHER, 0.4);
        groups.put(BeneficiaryGroup.UNKNOWN, 0.4);

        return new MatchSettings(
                MatchWeights.defaults(),
                5.0,
                3,
                0.2,
                ZoneId.of("Asia/Shanghai"),
                skills,
                EnumSet.of(Category.COMPANIONSHIP, Category.ESCORT),
                0.5,
                kinds,
                urgency,
                groups,
                60,
                30,
                50_000,
                Duration.ofDays(14),
                Duration.ofDays(7),
                600,
                30,
                1);
    }

    public MatchSettings withWeights(MatchWeights w) {
        return new MatchSettings(
                w,
                maxDistanceKm,
                maxActiveMatchesPerVolunteer,
                minScore,
                zone,
                categorySkills,
                openCategories,
                generalistSkillValue,
                offerKinds,
                urgencyValues,
                groupPriorities,
                defaultServiceMinutes,
                minOverlapMinutes,
                defaultFundPerNeedFen,
                planningHorizon,
                fairnessWindow,
                fairnessFullMinutes,
                expiryHorizonDays,
                solverWorkers);
    }

    public MatchSettings withMaxDistanceKm(double km) {
        return new MatchSettings(
                weights,
                km,
                maxActiveMatchesPerVolunteer,
                minScore,
                zone,
                categorySkills,
                openCategories,
                generalistSkillValue,
                offerKinds,
                urgencyValues,
                groupPriorities,
                defaultServiceMinutes,
                minOverlapMinutes,
                defaultFundPerNeedFen,
                planningHorizon,
                fairnessWindow,
                fairnessFullMinutes,
                expiryHorizonDays,
                solverWorkers);
    }

    public MatchSettings withMaxActiveMatchesPerVolunteer(int max) {
        return new MatchSettings(
                weights,
                maxDistanceKm,
                max,
                minScore,
                zone,
                categorySkills,
                openCategories,
                generalistSkillValue,
                offerKinds,
                urgencyValues,
                groupPriorities,
                defaultServiceMinutes,
                minOverlapMinutes,
                defaultFundPerNeedFen,
                planningHorizon,
                fairnessWindow,
                fairnessFullMinutes,
                expiryHorizonDays,
                solverWorkers);
    }

    public MatchSettings withMinScore(double min) {
        return new MatchSettings(
                weights,
                maxDistanceKm,
                maxActiveMatchesPerVolunteer,
                min,
                zone,
                categorySkills,
                openCategories,
                generalistSkillValue,
                offerKinds,
                urgencyValues,
                groupPriorities,
                defaultServiceMinutes,
                minOverlapMinutes,
                defaultFundPerNeedFen,
                planningHorizon,
                fairnessWindow,
                fairnessFullMinutes,
                expiryHorizonDays,
                solverWorkers);
    }

    public MatchSettings withZone(ZoneId z) {
        return new MatchSettings(
                weights,
                maxDistanceKm,
                maxActiveMatchesPerVolunteer,
                minScore,
                z,
                categorySkills,
                openCategories,
                generalistSkillValue,
                offerKinds,
                urgencyValues,
                groupPriorities,
                defaultServiceMinutes,
                minOverlapMinutes,
                defaultFundPerNeedFen,
                planningHorizon,
                fairnessWindow,
                fairnessFullMinutes,
                expiryHorizonDays,
                solverWorkers);
    }

    public MatchSettings withCategorySkills(Map<Category, Set<Skill>> table) {
        return new MatchSettings(
                weights,
                maxDistanceKm,
                maxActiveMatchesPerVolunteer,
                minScore,
                zone,
                table,
                openCategories,
                generalistSkillValue,
                offerKinds,
                urgencyValues,
                groupPriorities,
                defaultServiceMinutes,
                minOverlapMinutes,
                defaultFundPerNeedFen,
                planningHorizon,
                fairnessWindow,
                fairnessFullMinutes,
                expiryHorizonDays,
                solverWorkers);
    }

    public MatchSettings withDefaultFundPerNeedFen(long fen) {
        return new MatchSettings(
                weights,
                maxDistanceKm,
                maxActiveMatchesPerVolunteer,
                minScore,
                zone,
                categorySkills,
                openCategories,
                generalistSkillValue,
                offerKinds,
                urgencyValues,
                groupPriorities,
                defaultServiceMinutes,
                minOverlapMinutes,
                fen,
                planningHorizon,
                fairnessWindow,
                fairnessFullMinutes,
                expiryHorizonDays,
                solverWorkers);
    }

    public MatchSettings withSolverWorkers(int workers) {
        return new MatchSettings(
                weights,
                maxDistanceKm,
                maxActiveMatchesPerVolunteer,
                minScore,
                zone,
                categorySkills,
                openCategories,
                generalistSkillValue,
                offerKinds,
                urgencyValues,
                groupPriorities,
                defaultServiceMinutes,
                minOverlapMinutes,
                defaultFundPerNeedFen,
                planningHorizon,
                fairnessWindow,
                fairnessFullMinutes,
                expiryHorizonDays,
                workers);
    }

    /** Skills that fit a need of this category when it requires none; empty when volunteers do not fit by skill. */
    public Set<Skill> skillsFor(Category category) {
        return categorySkills.getOrDefault(category, Set.of());
    }

    private static <K extends Enum<K>, V extends Enum<V>> Map<K, Set<V>> enumSets(
            Class<K> keys, Map<K, Set<V>> in, Class<V> values) {
        Map<K, Set<V>> out = new EnumMap<>(keys);
        in.forEach((k, v) ->
                out.put(k, Collections.unmodifiableSet(v.isEmpty() ? EnumSet.noneOf(values) : EnumSet.copyOf(v))));
        return Collections.unmodifiableMap(out);
    }

    private static <K extends Enum<K>> Map<K, Double> unitValues(Class<K> keys, Map<K, Double> in) {
        Map<K, Double> out = new EnumMap<>(keys);
        for (K k : keys.getEnumConstants()) {
            Double v = in.get(k);
            if (v == null) {
                throw new IllegalArgumentException("no value for " + k);
            }
            unit(k.toString(), v);
            out.put(k, v);
        }
        return Collections.unmodifiableMap(out);
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }

    private static void unit(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], got " + v);
        }
    }
}
