package org.wushe.hub.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The grid workers' month as GridRounds draws it, before any request: what the community service's API takes (rounds
 * within 31 days and not ahead, a finding only for an item checked and found wanting, care visits from the plan's start
 * to today, a subsidy decided after it was submitted), one urgent finding in the town, and the same month from the same
 * seed.
 */
class GridRoundsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void theSameSeedDrawsTheSameMonth() {
        SampleTown.State town = town(5, 3, 120);
        assertThat(GridRounds.plan(town, new Random(7), TODAY)).isEqualTo(GridRounds.plan(town, new Random(7), TODAY));
        assertThat(GridRounds.plan(town, new Random(7), TODAY))
                .isNotEqualTo(GridRounds.plan(town, new Random(8), TODAY));
    }

    @Test
    void aMonthOfWeeklyRoundsWithinWhatThePatrolApiTakesAndOneUrgentFindingInTheTown() {
        SampleTown.State town = town(6, 3, 200);
        List<GridRounds.GridPlan> plans = GridRounds.plan(town, new Random(11), TODAY);
        assertThat(plans).hasSize(18);
        assertThat(plans)
                .extracting(GridRounds.GridPlan::account)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 18).boxed().toList());
        int urgent = 0;
        int findings = 0;
        for (GridRounds.GridPlan g : plans) {
            assertThat(g.rounds()).as("weekly rounds over four weeks").hasSizeBetween(4, 5);
            LocalDate previous = null;
            for (GridRounds.Round round : g.rounds()) {
                assertThat(round.on()).isBetween(TODAY.minusDays(GridRounds.MAX_DAYS_BACK), TODAY);
                if (previous != null) {
                    assertThat(round.on()).isAfter(previous);
                }
                previous = round.on();
                Set<Integer> homes = new HashSet<>();
                for (GridRounds.Visit v : round.visits()) {
                    assertThat(homes.add(v.home()))
                            .as("a household once a round")
                            .isTrue();
                    assertThat(v.checks())
                            .extracting(GridRounds.Check::item)
                            .contains("GAS", "FIRE")
                            .doesNotHaveDuplicates();
                    for (GridRounds.Finding f : v.findings()) {
                        assertThat(v.checks())
                                .as("a finding is an item checked and found wanting")
                                .contains(new GridRounds.Check(f.item(), false));
                        assertThat(f.title()).doesNotContainPattern("\\d{6,}");
                        assertThat(f.residentId())
                                .isEqualTo(g.homes().get(v.home()).residentId());
                        findings++;
                        if (f.urgency().equals("URGENT") || f.urgency().equals("IMMEDIATE")) {
                            urgent++;
                        } else {
                            assertThat(f.urgency()).isIn("ROUTINE", "SOON");
                        }
                    }
                }
            }
        }
        assertThat(urgent).as("one urgent finding, a need at once").isEqualTo(1);
        assertThat(findings).as("findings for the staff to review").isGreaterThan(3);
    }

    @Test
    void theRegisterHoldsEachFlaggedResidentOnceAndCareVisitsRunFromThePlansStartToToday() {
        SampleTown.State town = town(6, 3, 300);
        List<GridRounds.GridPlan> plans = GridRounds.plan(town, new Random(3), TODAY);
        Set<String> housed = new HashSet<>();
        int plansMade = 0;
        int onTime = 0;
        int late = 0;
        int overdueNow = 0;
        int subsidies = 0;
        for (GridRounds.GridPlan g : plans) {
            assertThat(g.homes()).hasSizeBetween(GridRounds.MIN_HOUSEHOLDS, GridRounds.MAX_HOUSEHOLDS);
            assertThat(g.homes())
                    .extracting(h -> h.building() + "/" + h.number())
                    .doesNotHaveDuplicates();
            for (GridRounds.Home h : g.homes()) {
                assertThat(h.stairwell()).isBetween(1, 2);
                if (h.residentId() != null) {
                    assertThat(housed.add(h.residentId()))
                            .as("a resident in one household")
                            .isTrue();
                    assertThat(town.residents().stream()
                                    .filter(p -> p.id().equals(h.residentId()))
                                    .findFirst()
                                    .orElseThrow()
                                    .grid())
                            .isEqualTo(g.gridId());
                }
            }
            assertThat(g.care()).hasSizeLessThanOrEqualTo(GridRounds.MAX_CARE_PLANS);
            for (GridRounds.Care c : g.care()) {
                plansMade++;
                assertThat(g.homes()).extracting(GridRounds.Home::residentId).contains(c.residentId());
                assertThat(c.since()).isBefore(TODAY.minusDays(GridRounds.CARE_SINCE - 1));
                LocalDate last = null;
                LocalDate counted = null;
                for (GridRounds.CareVisit v : c.visits()) {
                    assertThat(v.on()).isBetween(c.since(), TODAY);
                    if (last != null) {
                        assertThat(v.on()).isAfter(last);
                    }
                    last = v.on();
                    if (!v.outcome().equals("NOT_HOME")) {
                        if (v.on().isAfter(GridRounds.nextDue(c.risk(), c.since(), counted))) {
                            late++;
                        } else {
                            onTime++;
                        }
                        counted = v.on();
                    }
                }
                if (TODAY.isAfter(GridRounds.nextDue(c.risk(), c.since(), counted))) {
                    overdueNow++;
                }
            }
            if (g.subsidy() != null) {
                subsidies++;
                GridRounds.Subsidy s = g.subsidy();
                assertThat(g.homes()).extracting(GridRounds.Home::residentId).contains(s.residentId());
                assertThat(s.submittedOn()).isBefore(TODAY);
                if (s.decision() != null) {
                    assertThat(s.decision()).isIn("APPROVED", "REJECTED");
                    assertThat(s.decidedOn()).isAfterOrEqualTo(s.submittedOn()).isBeforeOrEqualTo(TODAY);
                }
            }
        }
        assertThat(plansMade).isGreaterThan(5);
        assertThat(onTime).as("visits on time").isGreaterThan(late);
        assertThat(late).as("some late").isPositive();
        assertThat(overdueNow)
                .as("some plans overdue now, announced by the community service")
                .isPositive();
        assertThat(subsidies).as("a few subsidy applications").isBetween(1, plans.size() - 1);
    }

    @Test
    void careVisitsFollowTheSchedulesRhythm() {
        assertThat(GridRounds.nextDue("HIGH", TODAY.minusDays(30), null)).isEqualTo(TODAY.minusDays(23));
        assertThat(GridRounds.nextDue("MEDIUM", TODAY.minusDays(30), TODAY.minusDays(10)))
                .isEqualTo(TODAY.plusDays(4));
        assertThat(GridRounds.nextDue("LOW", LocalDate.of(2026, 1, 31), null)).isEqualTo(LocalDate.of(2026, 2, 28));
        Random r = new Random(5);
        for (int i = 0; i < 200; i++) {
            LocalDate since = TODAY.minusDays(35 + r.nextInt(5));
            List<GridRounds.CareVisit> visits =
                    GridRounds.careVisits(r, List.of("HIGH", "MEDIUM", "LOW").get(i % 3), since, TODAY);
            assertThat(visits).allSatisfy(v -> assertThat(v.on()).isBetween(since, TODAY));
        }
    }

    /** {@code communities} communities of {@code grids} grids, {@code residents} flagged residents spread over them. */
    private static SampleTown.State town(int communities, int grids, int residents) {
        Random r = new Random(1);
        List<SampleTown.CommunityRef> refs = new ArrayList<>();
        for (int c = 0; c < communities; c++) {
            List<String> gridIds = new ArrayList<>();
            for (int g = 0; g < grids; g++) {
                gridIds.add(UUID.randomUUID().toString());
            }
            refs.add(new SampleTown.CommunityRef(
                    UUID.randomUUID().toString(),
                    "社区" + c,
                    c % 3 == 2,
                    UUID.randomUUID().toString(),
                    "wx4g0b",
                    39.9,
                    116.6,
                    gridIds));
        }
        List<String> groups = List.of(
                "ELDERLY_ALONE", "VERY_OLD", "DISABLED", "LOW_INCOME_FAMILY", "CHILD_IN_HARDSHIP", "CHILDLESS_ELDERLY");
        List<SampleTown.ResidentRef> people = new ArrayList<>();
        for (int i = 0; i < residents; i++) {
            int c = r.nextInt(communities);
            people.add(new SampleTown.ResidentRef(
                    UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(),
                    c,
                    refs.get(c).grids().get(r.nextInt(grids)),
                    groups.get(r.nextInt(groups.size()))));
        }
        return new SampleTown.State(1, 1.0, UUID.randomUUID().toString(), refs, people, null);
    }
}
