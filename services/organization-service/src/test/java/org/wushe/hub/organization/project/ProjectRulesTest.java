package org.wushe.hub.organization.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.organization.ProjectOutcome;
import org.wushe.hub.platform.web.InvalidInputException;

class ProjectRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static Project project(Long budgetFen, Project.Status status, long... grantsFen) {
        List<Project.Grant> grants = java.util.Arrays.stream(grantsFen)
                .mapToObj(f -> new Project.Grant(UUID.randomUUID(), "公益创投", null, f, TODAY.minusDays(5)))
                .toList();
        return new Project(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "t",
                "g",
                Category.HEALTH,
                BeneficiaryGroup.VERY_OLD,
                null,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 12, 31),
                budgetFen,
                List.of(),
                null,
                status,
                null,
                null,
                null,
                grants,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void aPeriodEndsOnOrAfterItsStartNotBeforeTodayAndWithinFiveYears() {
        assertThatCode(() -> ProjectRules.requirePeriod(TODAY, TODAY, TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> ProjectRules.requirePeriod(TODAY.minusYears(1), TODAY.plusYears(4), TODAY))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ProjectRules.requirePeriod(TODAY, TODAY.minusDays(1), TODAY))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> ProjectRules.requirePeriod(TODAY.minusDays(9), TODAY.minusDays(1), TODAY))
                .hasMessageContaining("over already");
        assertThatThrownBy(() ->
                        ProjectRules.requirePeriod(TODAY, TODAY.plusYears(5).plusDays(1), TODAY))
                .hasMessageContaining("at most 5 years");
    }

    @Test
    void grantsStayWithinTheBudgetAndComeWhileTheProjectRuns() {
        assertThatCode(() -> ProjectRules.requireGrant(project(1_000L, Project.Status.ACTIVE, 400), 600, TODAY, TODAY))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProjectRules.requireGrant(project(null, Project.Status.ACTIVE, 400), 10_000, TODAY, TODAY))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () -> ProjectRules.requireGrant(project(1_000L, Project.Status.ACTIVE, 400), 601, TODAY, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("amountFen");
                    assertThat(e.getMessage()).contains("1001 fen").contains("1000 fen");
                });
        assertThatThrownBy(() -> ProjectRules.requireGrant(project(null, Project.Status.CLOSED), 1, TODAY, TODAY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() ->
                        ProjectRules.requireGrant(project(null, Project.Status.ACTIVE), 1, TODAY.plusDays(1), TODAY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("awardedOn"));
    }

    @Test
    void completedMeansItRanItsPeriodAndEndedEarlyThatItDidNot() {
        Project p = project(null, Project.Status.ACTIVE);
        LocalDate end = p.endsOn();
        assertThatCode(() -> ProjectRules.requireClosing(p, ProjectOutcome.COMPLETED, end, end))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProjectRules.requireClosing(p, ProjectOutcome.ENDED_EARLY, TODAY, TODAY))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ProjectRules.requireClosing(p, ProjectOutcome.COMPLETED, TODAY, TODAY))
                .hasMessageContaining("ENDED_EARLY");
        assertThatThrownBy(() ->
                        ProjectRules.requireClosing(p, ProjectOutcome.ENDED_EARLY, end.plusDays(1), end.plusDays(1)))
                .hasMessageContaining("COMPLETED");
        assertThatThrownBy(() -> ProjectRules.requireClosing(
                        p, ProjectOutcome.ENDED_EARLY, p.startsOn().minusDays(1), TODAY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("closedOn"));
        assertThatThrownBy(() -> ProjectRules.requireClosing(p, ProjectOutcome.ENDED_EARLY, TODAY.plusDays(1), TODAY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("closedOn"));
    }
}
