package org.wushe.hub.volunteer.points;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.volunteer.web.RuleViolation;

/**
 * The points rules (积分规则) as data: one version of them. Nothing about points is decided by a code
 * branch on a volunteer or a service; it is looked up here. Multipliers are in percent (200 = double).
 *
 * @param version               version number; a new version supersedes the older from {@code effectiveFrom}
 * @param pointsPerHour         points for one hour of service at multiplier 100
 * @param flagPercent           multiplier per volunteer flag (double for young-old 低龄老人 and hardship 困境人群)
 * @param stackFlagMultipliers  false: only the highest flag multiplier applies; true: they multiply
 * @param difficultyPercent     multiplier per service difficulty
 * @param categoryDifficulty    difficulty of a service by its category, when no one said otherwise
 * @param defaultDifficulty     difficulty of a service whose category is unknown or not listed
 * @param manualHoursEarnPoints false: hours logged by hand are credited as hours but earn no points
 * @param expiryDays            points expire this many days after they were credited; null: never
 * @param dailyCap              most points one account earns for services of one calendar day; null: no cap
 */
public record PointsRules(
        int version,
        int pointsPerHour,
        Map<VolunteerFlag, Integer> flagPercent,
        boolean stackFlagMultipliers,
        Map<ServiceDifficulty, Integer> difficultyPercent,
        Map<Category, ServiceDifficulty> categoryDifficulty,
        ServiceDifficulty defaultDifficulty,
        boolean manualHoursEarnPoints,
        Integer expiryDays,
        Long dailyCap,
        Instant effectiveFrom,
        String note) {

    public static final int MAX_MINUTES_PER_CREDIT = 24 * 60;

    public PointsRules {
        flagPercent = Map.copyOf(flagPercent);
        difficultyPercent = Map.copyOf(difficultyPercent);
        categoryDifficulty = Map.copyOf(categoryDifficulty);
    }

    /** What is wrong with these rules, if anything; the service refuses rules that are not empty here. */
    public List<RuleViolation> violations() {
        List<RuleViolation> v = new ArrayList<>();
        if (pointsPerHour < 1 || pointsPerHour > 10_000) {
            v.add(new RuleViolation("pointsPerHour", "points-rules.per-hour-range"));
        }
        flagPercent.forEach((flag, pct) -> {
            if (pct == null || pct < 0 || pct > 1_000) {
                v.add(new RuleViolation("flagPercent." + flag, "points-rules.percent-range"));
            }
        });
        for (ServiceDifficulty d : ServiceDifficulty.values()) {
            Integer pct = difficultyPercent.get(d);
            if (pct == null) {
                v.add(new RuleViolation("difficultyPercent." + d, "points-rules.difficulty-required"));
            } else if (pct < 0 || pct > 1_000) {
                v.add(new RuleViolation("difficultyPercent." + d, "points-rules.percent-range"));
            }
        }
        if (categoryDifficulty.containsKey(Category.UNKNOWN)) {
            v.add(new RuleViolation("categoryDifficulty.UNKNOWN", "hours.category-unknown"));
        }
        if (defaultDifficulty == null) {
            v.add(new RuleViolation("defaultDifficulty", "points-rules.default-difficulty-required"));
        }
        if (expiryDays != null && (expiryDays < 1 || expiryDays > 3_650)) {
            v.add(new RuleViolation("expiryDays", "points-rules.expiry-range"));
        }
        if (dailyCap != null && (dailyCap < 1 || dailyCap > 1_000_000)) {
            v.add(new RuleViolation("dailyCap", "points-rules.daily-cap-range"));
        }
        return v;
    }

    public ServiceDifficulty difficultyOf(Category category) {
        if (category == null) {
            return defaultDifficulty;
        }
        return categoryDifficulty.getOrDefault(category, defaultDifficulty);
    }

    /** Flags and difficulty combined, in percent. */
    public int multiplierPercent(Set<VolunteerFlag> flags, ServiceDifficulty difficulty) {
        long flagPart = 100;
        if (stackFlagMultipliers) {
            for (VolunteerFlag f : flags) {
                flagPart = flagPart * flagPercent.getOrDefault(f, 100) / 100;
            }
        } else {
            flagPart = flags.stream()
                    .mapToLong(f -> flagPercent.getOrDefault(f, 100))
                    .max()
                    .orElse(100);
        }
        return Math.toIntExact(flagPart * difficultyPercent.getOrDefault(difficulty, 100) / 100);
    }

    /**
     * Points for {@code minutes} of service, rounded down, capped so that the day's awards stay within
     * the daily cap.
     *
     * @param manual           the hours were logged by hand
     * @param awardedThatDay   points already awarded to the account for services of the same day
     */
    public Award award(
            int minutes, boolean manual, Set<VolunteerFlag> flags, ServiceDifficulty difficulty, long awardedThatDay) {
        if (minutes < 1 || minutes > MAX_MINUTES_PER_CREDIT) {
            throw new IllegalArgumentException(
                    "minutes must be between 1 and " + MAX_MINUTES_PER_CREDIT + ": " + minutes);
        }
        int multiplier = multiplierPercent(flags, difficulty);
        if (manual && !manualHoursEarnPoints) {
            return new Award(0, 0, multiplier, difficulty, "points.manual-no-points", List.of(version));
        }
        long computed = (long) minutes * pointsPerHour * multiplier / (60L * 100L);
        long points = computed;
        if (dailyCap != null) {
            points = Math.max(0, Math.min(computed, dailyCap - awardedThatDay));
        }
        if (points == 0) {
            return computed == 0
                    ? new Award(0, computed, multiplier, difficulty, "points.too-short", List.of())
                    : new Award(0, computed, multiplier, difficulty, "points.daily-cap-reached", List.of(dailyCap));
        }
        return new Award(points, computed, multiplier, difficulty, null, List.of());
    }

    /** When points credited at {@code creditedAt} expire; null when they never do. */
    public Instant expiryOf(Instant creditedAt) {
        return expiryDays == null ? null : creditedAt.plus(Duration.ofDays(expiryDays));
    }

    /** A copy as the next version, for tests and the rules API. */
    public PointsRules asVersion(int newVersion, Instant from) {
        return new PointsRules(
                newVersion,
                pointsPerHour,
                flagPercent,
                stackFlagMultipliers,
                difficultyPercent,
                categoryDifficulty,
                defaultDifficulty,
                manualHoursEarnPoints,
                expiryDays,
                dailyCap,
                from,
                note);
    }

    /** The rules shipped in the first migration: 10 points an hour, double for young-old and hardship. */
    public static PointsRules defaults() {
        Map<Category, ServiceDifficulty> byCategory = new EnumMap<>(Category.class);
        byCategory.put(Category.HOME_REPAIR, ServiceDifficulty.SPECIALIST);
        byCategory.put(Category.SAFETY_CHECK, ServiceDifficulty.SPECIALIST);
        byCategory.put(Category.LEGAL_ADVICE, ServiceDifficulty.SPECIALIST);
        byCategory.put(Category.PSYCHOLOGICAL_SUPPORT, ServiceDifficulty.SPECIALIST);
        byCategory.put(Category.HEALTH, ServiceDifficulty.SPECIALIST);
        byCategory.put(Category.ESCORT, ServiceDifficulty.DEMANDING);
        byCategory.put(Category.MEDIATION, ServiceDifficulty.DEMANDING);
        byCategory.put(Category.STUDY_SPACE, ServiceDifficulty.DEMANDING);
        byCategory.put(Category.DAILY_GOODS, ServiceDifficulty.LIGHT);
        byCategory.put(Category.CULTURAL_EVENT, ServiceDifficulty.LIGHT);
        return new PointsRules(
                1,
                10,
                Map.of(VolunteerFlag.YOUNG_OLD, 200, VolunteerFlag.IN_HARDSHIP, 200),
                false,
                Map.of(
                        ServiceDifficulty.LIGHT,
                        100,
                        ServiceDifficulty.STANDARD,
                        100,
                        ServiceDifficulty.DEMANDING,
                        150,
                        ServiceDifficulty.SPECIALIST,
                        200),
                byCategory,
                ServiceDifficulty.STANDARD,
                true,
                365,
                100L,
                Instant.parse("2000-01-01T00:00:00Z"),
                "10 points per hour; double for young-old (低龄老人) and hardship (困境人群) volunteers; expire after a year; at most 100 a day");
    }
}
