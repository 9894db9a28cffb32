package org.wushe.hub.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The past four weeks as PastActivities draws them, before any request: the 邻里节 Saturdays of the last four weeks in
 * every community, a training and a free clinic, all held before today and started at most 28 days ago (volunteer-service
 * records a held activity started within 30 days and ended before now); attendances within volunteer-service's rules
 * (a volunteer once an activity, the position's skills and places, check-out 2 to 4 hours after check-in within the
 * position's time give or take 2 hours, never two at overlapping times, a festival's of its community); certificates
 * for volunteers who served the issuing station's festival; a bounded number of requests; the same plan from the same
 * seed; and the markers that make it resumable.
 */
class PastActivitiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @TempDir
    Path dir;

    @Test
    void theSameSeedDrawsTheSamePastMonth() {
        SampleTown.State town = ActivitiesTest.town(17, 8);
        List<Activities.Volunteer> volunteers = ActivitiesTest.volunteers(town, 500);
        assertThat(PastActivities.plan(town, volunteers, new Random(7), TODAY))
                .isEqualTo(PastActivities.plan(town, volunteers, new Random(7), TODAY));
        assertThat(PastActivities.plan(town, volunteers, new Random(7), TODAY))
                .isNotEqualTo(PastActivities.plan(town, volunteers, new Random(8), TODAY));
    }

    @Test
    void theLastFourSaturdaysInEveryCommunityATrainingAndAClinicAllHeldWithinTheBackfillWindow() {
        // Every day of a week as today: Saturday's and Sunday's own festivals and clinic are not today or later.
        for (int d = 0; d < 7; d++) {
            LocalDate today = TODAY.plusDays(d);
            SampleTown.State town = ActivitiesTest.town(17, 8);
            List<PastActivities.HeldPlan> held = PastActivities.plan(
                            town, ActivitiesTest.volunteers(town, 500), new Random(11), today)
                    .held();
            List<PastActivities.HeldPlan> festivals = ofKind(held, "NEIGHBOURHOOD_FESTIVAL");
            assertThat(festivals).hasSize(PastActivities.WEEKS * 17);
            Set<LocalDate> saturdays = festivals.stream()
                    .map(h -> h.activity().starts().toLocalDate())
                    .collect(Collectors.toSet());
            assertThat(saturdays)
                    .as("the Saturdays of the last four weeks")
                    .hasSize(4)
                    .allSatisfy(s -> assertThat(s.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY))
                    .contains(today.with(java.time.temporal.TemporalAdjusters.previous(DayOfWeek.SATURDAY)));
            for (int w = 0; w < PastActivities.WEEKS; w++) {
                int week = w;
                List<PastActivities.HeldPlan> of = festivals.stream()
                        .filter(h -> h.activity().week() == week)
                        .toList();
                assertThat(of)
                        .extracting(h -> h.activity().community())
                        .containsExactlyElementsOf(
                                java.util.stream.IntStream.range(0, 17).boxed().toList());
                assertThat(of.get(0).activity().title()).startsWith("邻里节·");
            }
            assertThat(ofKind(held, "TRAINING")).hasSize(1);
            assertThat(ofKind(held, "TRAINING").get(0).activity().grantsQualification())
                    .isEqualTo("FIRST_AID");
            assertThat(ofKind(held, "FREE_CLINIC")).hasSize(1);
            assertThat(ofKind(held, "FREE_CLINIC").get(0).activity().atVenue()).isTrue();
            for (PastActivities.HeldPlan h : held) {
                Activities.ActivityPlan a = h.activity();
                assertThat(a.today()).isFalse();
                assertThat(a.signUps()).isEmpty();
                assertThat(a.title().length()).isLessThanOrEqualTo(80);
                assertThat(a.station()).isBetween(1, 8);
                assertThat(a.starts().toLocalDate())
                        .as("held before today, started within the 30 days volunteer-service takes")
                        .isBefore(today)
                        .isAfterOrEqualTo(today.minusDays(28));
                assertThat(a.ends().toLocalDate()).isBefore(today);
                assertThat(a.ends()).isAfter(a.starts());
                assertThat(a.week()).isBetween(0, PastActivities.WEEKS - 1);
                assertThat(h.attendances()).as("%s had volunteers", a.title()).isNotEmpty();
            }
        }
    }

    @Test
    void attendancesKeepTheApisRules() {
        SampleTown.State town = ActivitiesTest.town(17, 8);
        List<Activities.Volunteer> volunteers = ActivitiesTest.volunteers(town, 500);
        Map<String, Activities.Volunteer> byId =
                volunteers.stream().collect(Collectors.toMap(Activities.Volunteer::id, v -> v));
        List<PastActivities.HeldPlan> held =
                PastActivities.plan(town, volunteers, new Random(3), TODAY).held();
        Map<String, List<PastActivities.AttendancePlan>> ofVolunteer = new HashMap<>();
        int attendances = 0;
        for (PastActivities.HeldPlan h : held) {
            Activities.ActivityPlan a = h.activity();
            Set<String> once = new HashSet<>();
            Map<Integer, Integer> perPosition = new HashMap<>();
            for (PastActivities.AttendancePlan at : h.attendances()) {
                attendances++;
                assertThat(once.add(at.volunteerId()))
                        .as("a volunteer once an activity")
                        .isTrue();
                Activities.PositionPlan p = a.positions().get(at.position());
                assertThat(byId.get(at.volunteerId()).skills())
                        .as("the skills the position needs")
                        .containsAll(p.skills());
                perPosition.merge(at.position(), 1, Integer::sum);
                Duration served = Duration.between(at.in(), at.out());
                assertThat(served).as("2 to 4 hours").isBetween(Duration.ofHours(2), Duration.ofHours(4));
                assertThat(at.in())
                        .as("within the position's time give or take 2 hours")
                        .isAfterOrEqualTo(a.starts().minusHours(2))
                        .isBefore(a.ends());
                assertThat(at.out()).isBeforeOrEqualTo(a.ends().plusHours(2));
                assertThat(at.out().toLocalDate()).isBefore(TODAY);
                if (a.kind().equals("NEIGHBOURHOOD_FESTIVAL")) {
                    assertThat(byId.get(at.volunteerId()).community())
                            .as("a festival's volunteers are of its community")
                            .isEqualTo(a.community());
                }
                ofVolunteer
                        .computeIfAbsent(at.volunteerId(), k -> new ArrayList<>())
                        .add(at);
            }
            perPosition.forEach((i, n) -> assertThat(n)
                    .as("within the position's places")
                    .isLessThanOrEqualTo(a.positions().get(i).places()));
        }
        ofVolunteer.forEach((v, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    LocalDateTime[] x = {list.get(i).in(), list.get(i).out()};
                    LocalDateTime[] y = {list.get(j).in(), list.get(j).out()};
                    assertThat(x[0].isBefore(y[1]) && y[0].isBefore(x[1]))
                            .as("%s attended two activities at once", v)
                            .isFalse();
                }
            }
        });
        assertThat(attendances).as("a month of attendances").isGreaterThan(PastActivities.WEEKS * 17 * 3);
    }

    @Test
    void certificatesForAFewWhoServedTheIssuingStationsFestival() {
        SampleTown.State town = ActivitiesTest.town(17, 8);
        PastActivities.Plan plan =
                PastActivities.plan(town, ActivitiesTest.volunteers(town, 500), new Random(5), TODAY);
        assertThat(plan.certificates()).hasSize(PastActivities.CERTIFICATES);
        assertThat(plan.certificates())
                .extracting(PastActivities.CertificatePlan::station)
                .doesNotHaveDuplicates();
        for (PastActivities.CertificatePlan c : plan.certificates()) {
            assertThat(plan.held())
                    .as("%s served a festival of station-%d", c.volunteerId(), c.station())
                    .anySatisfy(h -> {
                        assertThat(h.activity().station()).isEqualTo(c.station());
                        assertThat(h.attendances())
                                .extracting(PastActivities.AttendancePlan::volunteerId)
                                .contains(c.volunteerId());
                    });
        }
    }

    @Test
    void aFullTownStaysWithinAFewHundredRequestsAndASmallOneStillHasItsMonth() {
        SampleTown.State full = ActivitiesTest.town(17, 8);
        PastActivities.Plan plan =
                PastActivities.plan(full, ActivitiesTest.volunteers(full, 500), new Random(9), TODAY);
        // one request per held activity, one per certificate, a sign-in per station
        int requests = plan.held().size() + plan.certificates().size() + 8;
        assertThat(requests).isBetween(70, 300);
        SampleTown.State small = ActivitiesTest.town(17, 8);
        PastActivities.Plan tenth =
                PastActivities.plan(small, ActivitiesTest.volunteers(small, 50), new Random(9), TODAY);
        assertThat(ofKind(tenth.held(), "NEIGHBOURHOOD_FESTIVAL")).hasSize(PastActivities.WEEKS * 17);
        assertThat(ofKind(tenth.held(), "TRAINING").get(0).attendances()).hasSize(10);
    }

    @Test
    void resumableByTheDayOfThePlanAndItsKeysAndNotRepeatedOnceDone() throws Exception {
        assertThat(PastActivities.due(dir)).isTrue();
        assertThat(PastActivities.key(TODAY, 3))
                .isEqualTo(PastActivities.key(TODAY, 3))
                .isNotEqualTo(PastActivities.key(TODAY, 4))
                .isNotEqualTo(PastActivities.key(TODAY.plusDays(1), 3))
                .hasSizeLessThanOrEqualTo(100);
        Files.writeString(dir.resolve(PastActivities.MARK_STARTED), TODAY + "\n");
        assertThat(PastActivities.due(dir))
                .as("begun, perhaps cut short: resumed")
                .isTrue();
        Rest.JSON.writeValue(
                dir.resolve(PastActivities.MARK_DONE).toFile(),
                new PastActivities.Made(70, 68, 1, 1, 300, 45000, 0, 5, 0));
        assertThat(PastActivities.due(dir)).isFalse();
        assertThat(PastActivities.recorded(dir).certificates()).isEqualTo(5);
        assertThat(PastActivities.REASON).startsWith("补录").hasSizeLessThanOrEqualTo(200);
    }

    private static List<PastActivities.HeldPlan> ofKind(List<PastActivities.HeldPlan> held, String kind) {
        return held.stream().filter(h -> h.activity().kind().equals(kind)).toList();
    }
}
