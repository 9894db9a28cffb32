package org.wushe.hub.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The month of activities as Activities draws it, before any request: a festival a week in every community with the
 * week's theme, one training and one free clinic, all ahead of today (the API takes no activity starting in the past)
 * but today's clean-up; sign-ups within what volunteer-service takes (a volunteer once an activity, the skills a
 * position needs, never two at overlapping times, never beyond places and waiting list); the statuses they end with
 * (approvals, a rejection whose place moves up, waiting lists on full positions); a bounded number of requests; the
 * same month from the same seed; and a month begun is not loaded again.
 */
class ActivitiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final List<String> SKILLS =
            List.of("HAIRDRESSING", "CLEANING", "CHILD_CARE", "CULTURAL_ARTS", "MEDICAL", "COOKING", "DRIVING");

    @TempDir
    Path dir;

    @Test
    void theSameSeedDrawsTheSameMonth() {
        SampleTown.State town = town(17, 8);
        List<Activities.Volunteer> volunteers = volunteers(town, 500);
        assertThat(Activities.plan(town, volunteers, new Random(7), TODAY))
                .isEqualTo(Activities.plan(town, volunteers, new Random(7), TODAY));
        assertThat(Activities.plan(town, volunteers, new Random(7), TODAY))
                .isNotEqualTo(Activities.plan(town, volunteers, new Random(8), TODAY));
    }

    @Test
    void aFestivalAWeekInEveryCommunityATrainingAndAClinicAllAheadButTodaysCleanUp() {
        SampleTown.State town = town(17, 8);
        List<Activities.ActivityPlan> month = Activities.plan(town, volunteers(town, 500), new Random(11), TODAY);
        List<Activities.ActivityPlan> festivals = ofKind(month, "NEIGHBOURHOOD_FESTIVAL");
        assertThat(festivals).hasSize(Activities.WEEKS * 17);
        for (int w = 0; w < Activities.WEEKS; w++) {
            int week = w;
            List<Activities.ActivityPlan> of =
                    festivals.stream().filter(a -> a.week() == week).toList();
            assertThat(of)
                    .as("week %d: one festival per community", w)
                    .extracting(Activities.ActivityPlan::community)
                    .containsExactlyElementsOf(
                            java.util.stream.IntStream.range(0, 17).boxed().toList());
            assertThat(of)
                    .extracting(Activities.ActivityPlan::title)
                    .containsOnly(of.get(0).title());
            assertThat(of.get(0).title())
                    .startsWith("邻里节·")
                    .contains(List.of("敬老", "环保", "亲子", "文化").get(w));
            assertThat(of).allSatisfy(a -> {
                assertThat(a.starts().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
                assertThat(Activities.weekOf(TODAY, a.starts().toLocalDate())).isEqualTo(week);
            });
        }
        Activities.ActivityPlan training = ofKind(month, "TRAINING").get(0);
        assertThat(ofKind(month, "TRAINING")).hasSize(1);
        assertThat(training.grantsQualification()).isEqualTo("FIRST_AID");
        assertThat(training.approvalRequired()).isTrue();
        assertThat(ofKind(month, "FREE_CLINIC")).hasSize(1);
        Activities.ActivityPlan clinic = ofKind(month, "FREE_CLINIC").get(0);
        assertThat(clinic.atVenue()).as("at a venue offer, with co-hosts").isTrue();
        assertThat(clinic.positions()).anySatisfy(p -> assertThat(p.skills()).containsExactly("MEDICAL"));

        List<Activities.ActivityPlan> today =
                month.stream().filter(Activities.ActivityPlan::today).toList();
        assertThat(today).hasSize(1);
        assertThat(today.get(0).kind()).isEqualTo("CLEAN_UP");
        assertThat(today.get(0).signUps()).hasSize(4);

        for (Activities.ActivityPlan a : month) {
            assertThat(a.station()).isBetween(1, 8);
            assertThat(a.title().length()).isLessThanOrEqualTo(80);
            assertThat(a.title() + a.description()).doesNotContainPattern("\\d{6,}");
            assertThat(a.positions()).isNotEmpty().hasSizeLessThanOrEqualTo(50);
            if (a.today()) {
                assertThat(a.starts())
                        .as("today's times are set when published")
                        .isNull();
                continue;
            }
            assertThat(a.starts().toLocalDate())
                    .as("the API takes activities that start ahead")
                    .isAfter(TODAY)
                    .isBeforeOrEqualTo(TODAY.plusDays(28));
            assertThat(a.ends()).isAfter(a.starts());
            assertThat(Duration.between(a.starts(), a.ends())).isLessThanOrEqualTo(Duration.ofDays(7));
        }
    }

    @Test
    void signUpsKeepTheApisRules() {
        SampleTown.State town = town(17, 8);
        List<Activities.Volunteer> volunteers = volunteers(town, 500);
        Map<String, Activities.Volunteer> byId =
                volunteers.stream().collect(Collectors.toMap(Activities.Volunteer::id, v -> v));
        List<Activities.ActivityPlan> month = Activities.plan(town, volunteers, new Random(3), TODAY);
        Map<String, List<Activities.ActivityPlan>> ofVolunteer = new HashMap<>();
        int festivalSignUps = 0;
        for (Activities.ActivityPlan a : month) {
            Set<String> once = new HashSet<>();
            Map<Integer, Integer> perPosition = new HashMap<>();
            for (Activities.SignUpPlan s : a.signUps()) {
                assertThat(once.add(s.volunteerId()))
                        .as("a volunteer once an activity")
                        .isTrue();
                Activities.PositionPlan p = a.positions().get(s.position());
                assertThat(byId.get(s.volunteerId()).skills())
                        .as("the skills the position needs")
                        .containsAll(p.skills());
                perPosition.merge(s.position(), 1, Integer::sum);
                ofVolunteer
                        .computeIfAbsent(s.volunteerId(), k -> new ArrayList<>())
                        .add(a);
                if (a.kind().equals("NEIGHBOURHOOD_FESTIVAL")) {
                    festivalSignUps++;
                    assertThat(byId.get(s.volunteerId()).community())
                            .as("a festival's volunteers are of its community")
                            .isEqualTo(a.community());
                }
            }
            perPosition.forEach((i, n) -> assertThat(n)
                    .as("within places and waiting list")
                    .isLessThanOrEqualTo(
                            a.positions().get(i).places() + a.positions().get(i).waitingListLimit()));
        }
        // Never two sign-ups of a volunteer at overlapping times (today's clean-up is the only one today).
        ofVolunteer.forEach((v, list) -> {
            List<Activities.ActivityPlan> dated =
                    list.stream().filter(a -> !a.today()).toList();
            for (int i = 0; i < dated.size(); i++) {
                for (int j = i + 1; j < dated.size(); j++) {
                    Activities.ActivityPlan x = dated.get(i);
                    Activities.ActivityPlan y = dated.get(j);
                    assertThat(x.starts().isBefore(y.ends()) && y.starts().isBefore(x.ends()))
                            .as("%s signed up for two activities at once", v)
                            .isFalse();
                }
            }
        });
        assertThat(festivalSignUps).as("festivals with volunteers").isGreaterThan(Activities.WEEKS * 17);
    }

    @Test
    void approvalsARejectionMovingTheWaitingListUpAndAFullPosition() {
        SampleTown.State town = town(17, 8);
        List<Activities.ActivityPlan> month = Activities.plan(town, volunteers(town, 500), new Random(5), TODAY);
        Activities.ActivityPlan training = ofKind(month, "TRAINING").get(0);
        List<String> statuses = Activities.expectedStatuses(training);
        assertThat(statuses).hasSize(12);
        assertThat(count(statuses, "CONFIRMED")).as("approved").isEqualTo(9);
        assertThat(count(statuses, "REJECTED")).isEqualTo(1);
        assertThat(count(statuses, "PENDING"))
                .as("moved up, for the station to decide")
                .isEqualTo(1);
        assertThat(count(statuses, "WAITLISTED")).isEqualTo(1);

        Activities.ActivityPlan clinic = ofKind(month, "FREE_CLINIC").get(0);
        List<String> clinicStatuses = Activities.expectedStatuses(clinic);
        assertThat(count(clinicStatuses, "WAITLISTED"))
                .as("the guides' position is full")
                .isEqualTo(2);
        assertThat(clinic.signUps().stream().filter(s -> s.position() == 0).count())
                .isEqualTo(clinic.positions().get(0).places() + 2);

        // Festivals take no more than their places: everyone who signs up has one.
        for (Activities.ActivityPlan a : ofKind(month, "NEIGHBOURHOOD_FESTIVAL")) {
            assertThat(Activities.expectedStatuses(a)).containsOnly("CONFIRMED");
        }
    }

    @Test
    void aSmallTownStillHasItsMonthAndAFullTownStaysWithinAFewHundredRequests() {
        SampleTown.State small = town(17, 8);
        List<Activities.ActivityPlan> tenth = Activities.plan(small, volunteers(small, 50), new Random(9), TODAY);
        assertThat(ofKind(tenth, "NEIGHBOURHOOD_FESTIVAL")).hasSize(Activities.WEEKS * 17);
        assertThat(ofKind(tenth, "TRAINING").get(0).signUps()).hasSize(12);

        SampleTown.State full = town(17, 8);
        List<Activities.ActivityPlan> month = Activities.plan(full, volunteers(full, 500), new Random(9), TODAY);
        int requests = 0;
        for (Activities.ActivityPlan a : month) {
            // publish, its sign-ups, the decisions, one read of its sign-ups (today's: check-ins instead)
            requests += 1
                    + a.signUps().size()
                    + (int) a.signUps().stream()
                            .filter(s -> s.decision() != Activities.Decision.AUTO)
                            .count()
                    + (a.today() ? a.signUps().size() : 1);
        }
        assertThat(requests).as("requests for the month").isBetween(200, 600);
    }

    @Test
    void theStaffAccountOfACommunitysStationIsNumberedAsSampleAccountsNumbersThem() {
        SampleTown.State town = town(6, 3);
        // Communities 0,1 → station A; 2,3 → B; 4,5 → C (town() gives two communities to each station).
        assertThat(Activities.stationAccount(town, 0)).isEqualTo(1);
        assertThat(Activities.stationAccount(town, 1)).isEqualTo(1);
        assertThat(Activities.stationAccount(town, 3)).isEqualTo(2);
        assertThat(Activities.stationAccount(town, 5)).isEqualTo(3);
    }

    @Test
    void aMonthBegunOrDoneIsNotLoadedAgain() throws Exception {
        assertThat(Activities.due(dir)).isTrue();
        Files.writeString(dir.resolve(Activities.MARK_STARTED), "2026-12-07T00:00:00Z\n");
        assertThat(Activities.due(dir))
                .as("begun, perhaps cut short: not repeated")
                .isFalse();
        Files.delete(dir.resolve(Activities.MARK_STARTED));
        Rest.JSON.writeValue(
                dir.resolve(Activities.MARK_DONE).toFile(), new Activities.Made(71, 68, 1, 1, 250, 230, 9, 1, 1, 3, 4));
        assertThat(Activities.due(dir)).isFalse();
        assertThat(Activities.recorded(dir).checkedIn()).isEqualTo(4);
    }

    @Test
    void todaysCleanUpIsCheckedOutAtItsEndAndLaterOnlyByACorrectionToItsEnd() {
        java.time.Instant end = java.time.Instant.parse("2026-12-07T03:00:00Z");
        Activities.Today t = new Activities.Today("a", 1, end.toString(), List.of("s"), List.of("v"));
        assertThat(Activities.checkOutAt(t, end.minusSeconds(1)))
                .as("not before its end")
                .isNull();
        assertThat(Activities.checkOutAt(t, end.plusSeconds(1))).isEqualTo("CHECK_OUT");
        assertThat(Activities.checkOutAt(t, end.plus(Activities.LATE).plusSeconds(1)))
                .as("the hub was not running at the end: recorded at the end, with a reason")
                .isEqualTo("CORRECTION");
        assertThat(Activities.BACK_FILL_REASON)
                .startsWith("补录 sample back-fill")
                .hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void theMarkersAreWrittenAndReadWithTheTownsJsonWriter() throws Exception {
        Activities.Today t = new Activities.Today("a", 3, "2026-12-07T03:00:00Z", List.of("s1", "s2"), List.of("v1"));
        Rest.JSON.writeValue(dir.resolve(Activities.MARK_TODAY).toFile(), t);
        Activities.Today back =
                Rest.JSON.readValue(dir.resolve(Activities.MARK_TODAY).toFile(), Activities.Today.class);
        assertThat(back).isEqualTo(t);
        assertThat(back.end()).isEqualTo(java.time.Instant.parse("2026-12-07T03:00:00Z"));
    }

    private static List<Activities.ActivityPlan> ofKind(List<Activities.ActivityPlan> month, String kind) {
        return month.stream().filter(a -> a.kind().equals(kind)).toList();
    }

    private static long count(List<String> statuses, String status) {
        return statuses.stream().filter(status::equals).count();
    }

    /** {@code n} volunteers spread over the town's communities, one to three skills each. */
    static List<Activities.Volunteer> volunteers(SampleTown.State town, int n) {
        Random r = new Random(2);
        List<Activities.Volunteer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<String> skills = new java.util.LinkedHashSet<>();
            for (int k = 1 + r.nextInt(3); skills.size() < k; ) {
                skills.add(SKILLS.get(r.nextInt(SKILLS.size())));
            }
            list.add(new Activities.Volunteer(
                    new UUID(0, i).toString(), r.nextInt(town.communities().size()), List.copyOf(skills)));
        }
        return list;
    }

    /** {@code communities} communities, two to a station (so {@code (communities + 1) / 2} stations). */
    static SampleTown.State town(int communities, int stations) {
        List<SampleTown.CommunityRef> refs = new ArrayList<>();
        List<String> stationIds = new ArrayList<>();
        for (int s = 0; s < stations; s++) {
            stationIds.add(new UUID(1, s).toString());
        }
        for (int c = 0; c < communities; c++) {
            refs.add(new SampleTown.CommunityRef(
                    new UUID(2, c).toString(),
                    "社区" + c,
                    c % 3 == 2,
                    stationIds.get(Math.min(c / 2, stations - 1)),
                    "wx4g0b",
                    39.9,
                    116.6,
                    List.of(new UUID(3, c).toString())));
        }
        return new SampleTown.State(1, 1.0, UUID.randomUUID().toString(), refs, List.of(), null);
    }
}
