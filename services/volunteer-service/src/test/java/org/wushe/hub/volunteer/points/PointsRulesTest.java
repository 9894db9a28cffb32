package org.wushe.hub.volunteer.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.volunteer.web.RuleViolation;

/** The points rules are data: every outcome below comes from a number in the rules, not from a code branch. */
class PointsRulesTest {

    private static final Set<VolunteerFlag> NONE = Set.of();
    private static final Set<VolunteerFlag> YOUNG_OLD = Set.of(VolunteerFlag.YOUNG_OLD);
    private static final Set<VolunteerFlag> BOTH = Set.of(VolunteerFlag.YOUNG_OLD, VolunteerFlag.IN_HARDSHIP);

    private final PointsRules rules = PointsRules.defaults();

    @Test
    void anHourOfStandardServiceEarnsThePointsPerHour() {
        Award award = rules.award(60, false, NONE, ServiceDifficulty.STANDARD, 0);

        assertThat(award.points()).isEqualTo(10);
        assertThat(award.multiplierPercent()).isEqualTo(100);
        assertThat(award.capped()).isFalse();
    }

    @Test
    void youngOldAndHardshipVolunteersEarnDoublePoints() {
        assertThat(rules.award(90, false, YOUNG_OLD, ServiceDifficulty.STANDARD, 0)
                        .points())
                .isEqualTo(30);
        assertThat(rules.award(90, false, Set.of(VolunteerFlag.IN_HARDSHIP), ServiceDifficulty.STANDARD, 0)
                        .points())
                .isEqualTo(30);
        assertThat(rules.award(90, false, NONE, ServiceDifficulty.STANDARD, 0).points())
                .isEqualTo(15);
    }

    @Test
    void flagMultipliersDoNotStackUnlessTheRulesSaySo() {
        assertThat(rules.multiplierPercent(BOTH, ServiceDifficulty.STANDARD)).isEqualTo(200);

        PointsRules stacking = new PointsRules(
                2,
                10,
                rules.flagPercent(),
                true,
                rules.difficultyPercent(),
                rules.categoryDifficulty(),
                rules.defaultDifficulty(),
                true,
                365,
                null,
                Instant.EPOCH,
                null);
        assertThat(stacking.multiplierPercent(BOTH, ServiceDifficulty.STANDARD)).isEqualTo(400);
        assertThat(stacking.award(60, false, BOTH, ServiceDifficulty.STANDARD, 0)
                        .points())
                .isEqualTo(40);
    }

    @Test
    void difficultyComesFromTheCategoryTableAndMultipliesWithTheFlags() {
        assertThat(rules.difficultyOf(Category.LEGAL_ADVICE)).isEqualTo(ServiceDifficulty.SPECIALIST);
        assertThat(rules.difficultyOf(Category.ESCORT)).isEqualTo(ServiceDifficulty.DEMANDING);
        assertThat(rules.difficultyOf(Category.COMPANIONSHIP)).as("not listed").isEqualTo(ServiceDifficulty.STANDARD);
        assertThat(rules.difficultyOf(null)).as("unknown category").isEqualTo(ServiceDifficulty.STANDARD);

        // 45 minutes of repair by a young-old volunteer: 10/h x 2 (young-old) x 2 (specialist) = 30
        Award repair = rules.award(45, false, YOUNG_OLD, rules.difficultyOf(Category.HOME_REPAIR), 0);
        assertThat(repair.multiplierPercent()).isEqualTo(400);
        assertThat(repair.points()).isEqualTo(30);
        // 2 hours of escort: 10/h x 1.5 = 30
        assertThat(rules.award(120, false, NONE, ServiceDifficulty.DEMANDING, 0).points())
                .isEqualTo(30);
    }

    @Test
    void pointsAreRoundedDownToWholePoints() {
        Award award = rules.award(5, false, NONE, ServiceDifficulty.STANDARD, 0);

        assertThat(award.points()).isZero();
        assertThat(award.isNone()).isTrue();
        assertThat(award.why()).isEqualTo("points.too-short");
        assertThat(rules.award(13, false, NONE, ServiceDifficulty.STANDARD, 0).points())
                .isEqualTo(2);
    }

    @Test
    void theDailyCapCutsWhatWouldGoBeyondIt() {
        // cap 100: 60 already today, 60 more computed -> 40
        Award cut = rules.award(90, false, YOUNG_OLD, ServiceDifficulty.SPECIALIST, 60);
        assertThat(cut.computedPoints()).isEqualTo(60);
        assertThat(cut.points()).isEqualTo(40);
        assertThat(cut.capped()).isTrue();

        Award nothing = rules.award(60, false, NONE, ServiceDifficulty.STANDARD, 100);
        assertThat(nothing.points()).isZero();
        assertThat(nothing.why()).isEqualTo("points.daily-cap-reached");
        assertThat(nothing.whyArgs()).containsExactly(100L);

        PointsRules uncapped = new PointsRules(
                2,
                10,
                rules.flagPercent(),
                false,
                rules.difficultyPercent(),
                rules.categoryDifficulty(),
                rules.defaultDifficulty(),
                true,
                365,
                null,
                Instant.EPOCH,
                null);
        assertThat(uncapped.award(600, false, YOUNG_OLD, ServiceDifficulty.SPECIALIST, 1_000)
                        .points())
                .isEqualTo(400);
    }

    @Test
    void manualHoursEarnPointsOnlyWhenTheRulesSaySo() {
        assertThat(rules.award(60, true, NONE, ServiceDifficulty.STANDARD, 0).points())
                .isEqualTo(10);

        PointsRules excluding = new PointsRules(
                2,
                10,
                rules.flagPercent(),
                false,
                rules.difficultyPercent(),
                rules.categoryDifficulty(),
                rules.defaultDifficulty(),
                false,
                365,
                100L,
                Instant.EPOCH,
                null);
        Award manual = excluding.award(60, true, YOUNG_OLD, ServiceDifficulty.STANDARD, 0);
        assertThat(manual.points()).isZero();
        assertThat(manual.why()).isEqualTo("points.manual-no-points");
        assertThat(excluding
                        .award(60, false, YOUNG_OLD, ServiceDifficulty.STANDARD, 0)
                        .points())
                .isEqualTo(20);
    }

    @Test
    void pointsExpireAfterTheConfiguredPeriodOrNever() {
        Instant credited = Instant.parse("2026-03-01T02:00:00Z");

        assertThat(rules.expiryOf(credited)).isEqualTo(Instant.parse("2027-03-01T02:00:00Z"));
        PointsRules forever = new PointsRules(
                2,
                10,
                rules.flagPercent(),
                false,
                rules.difficultyPercent(),
                rules.categoryDifficulty(),
                rules.defaultDifficulty(),
                true,
                null,
                null,
                Instant.EPOCH,
                null);
        assertThat(forever.expiryOf(credited)).isNull();
    }

    @Test
    void aCreditHoldsAtMostOneDay() {
        assertThatThrownBy(() -> rules.award(0, false, NONE, ServiceDifficulty.STANDARD, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules.award(24 * 60 + 1, false, NONE, ServiceDifficulty.STANDARD, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        Map<ServiceDifficulty, Integer> missingOne = new EnumMap<>(rules.difficultyPercent());
        missingOne.remove(ServiceDifficulty.SPECIALIST);
        PointsRules bad = new PointsRules(
                2,
                0,
                Map.of(VolunteerFlag.YOUNG_OLD, 5_000),
                false,
                missingOne,
                Map.of(Category.UNKNOWN, ServiceDifficulty.LIGHT),
                ServiceDifficulty.STANDARD,
                true,
                0,
                -1L,
                Instant.EPOCH,
                null);

        assertThat(bad.violations())
                .extracting(RuleViolation::field)
                .containsExactlyInAnyOrder(
                        "pointsPerHour",
                        "flagPercent.YOUNG_OLD",
                        "difficultyPercent.SPECIALIST",
                        "categoryDifficulty.UNKNOWN",
                        "expiryDays",
                        "dailyCap");
        assertThat(rules.violations()).isEmpty();
    }
}
