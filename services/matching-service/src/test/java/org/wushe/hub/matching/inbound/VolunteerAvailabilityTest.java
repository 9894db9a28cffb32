package org.wushe.hub.matching.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.wushe.hub.events.common.Availability;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.common.WeeklySlot;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;
import org.wushe.hub.matching.engine.NeedSpec;
import org.wushe.hub.matching.engine.VolunteerSpec;
import org.wushe.hub.matching.readmodel.ReadModel;
import org.wushe.hub.matching.readmodel.Specs;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.ObjectMapper;

/**
 * A declaration of availability replaces the availability in the stored spec in one statement, without reading the
 * spec back into the service first (issue #16): the stored spec is the one a whole write would leave, the last of a
 * poll's declarations for a volunteer wins, the engine learns it, and one for a volunteer nobody registered goes to
 * the dead-letter topic with its reason.
 */
class VolunteerAvailabilityTest extends MatchingScenario {

    /** A place of its own, far from the other tests' volunteers. */
    private static final double[] SPOT = {30.45, 114.62};

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ReadModel readModel;

    @Autowired
    ObjectMapper json;

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void theLastDeclarationOfAPollReplacesTheAvailabilityInTheStoredSpecAndInTheEngine() {
        Place p = newPlace();
        UUID volunteer = volunteer(p, SPOT, Skill.HAIRDRESSING); // every day 08:00–20:00, at most 10 hours a week
        VolunteerSpec registered = readModel.volunteer(volunteer).orElseThrow();
        assertThat(registered.maxHoursPerWeek()).isEqualTo(10);
        Instant sundayEvening = nextSunday().withHour(20).withMinute(30).toInstant();
        NeedSpec haircut = haircut(p, sundayEvening);
        assertThat(proposes(haircut, volunteer))
                .as("20:30 is outside 08:00–20:00")
                .isFalse();

        Availability weekdayEvenings = Availability.newBuilder()
                .setWeeklySlots(List.of(slot(DayOfWeek.MONDAY, 18, 21), slot(DayOfWeek.WEDNESDAY, 18, 21)))
                .setOneOffWindows(List.of(TimeWindow.newBuilder()
                        .setStart(sundayEvening.minus(1, ChronoUnit.DAYS))
                        .setEnd(sundayEvening.minus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS))
                        .build()))
                .setMaxHoursPerWeek(6)
                .build();
        Availability sundayNights = Availability.newBuilder()
                .setWeeklySlots(List.of(slot(DayOfWeek.SUNDAY, 19, 23)))
                .setOneOffWindows(List.of())
                .setMaxHoursPerWeek(null)
                .build();
        bindings.changeState("volunteers-in-0", BindingsLifecycleController.State.STOPPED);
        try {
            // Back to back on the volunteer's partition, before the consumers poll again: one batch, one run.
            volunteers().publish(Aggregate.VOLUNTEER, volunteer, declared(volunteer, weekdayEvenings));
            volunteers().publish(Aggregate.VOLUNTEER, volunteer, declared(volunteer, sundayNights));
            TopicReader.readUntil(
                    TestStack.bootstrapServers(),
                    Aggregate.VOLUNTEER.topic(),
                    r -> r.key().equals(volunteer.toString())
                            && codec.decode(r.value()) instanceof VolunteerAvailabilityDeclared,
                    kept -> kept.size() == 2,
                    WAIT);
        } finally {
            bindings.changeState("volunteers-in-0", BindingsLifecycleController.State.STARTED);
        }

        // Exactly the spec a whole write of the declared availability leaves (jsonb equality), so no weekly limit.
        VolunteerSpec expected = Specs.withAvailability(registered, sundayNights);
        await().atMost(WAIT)
                .until(() -> count(
                                "select count(*) from volunteer_view where volunteer_id = ? and spec = CAST(? AS jsonb)",
                                volunteer,
                                json.writeValueAsString(expected))
                        == 1);
        assertThat(readModel.volunteer(volunteer)).contains(expected);
        assertThat(jdbc.queryForObject(
                        "select (spec -> 'maxHoursPerWeek') is not null from volunteer_view where volunteer_id = ?",
                        Boolean.class,
                        volunteer))
                .isFalse();
        // The engine has it too: Sunday 20:30 is within the new 19:00–23:00.
        await().atMost(WAIT).until(() -> proposes(haircut, volunteer));
    }

    @Test
    void aDeclarationForAVolunteerNobodyRegisteredGoesToTheDeadLetterTopicWithItsReason() {
        UUID nobody = UUID.randomUUID();
        volunteers()
                .publish(
                        Aggregate.VOLUNTEER,
                        nobody,
                        declared(
                                nobody,
                                Availability.newBuilder()
                                        .setWeeklySlots(List.of(slot(DayOfWeek.MONDAY, 9, 12)))
                                        .setOneOffWindows(List.of())
                                        .build()));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.VOLUNTEER.topic() + Aggregate.DEAD_LETTER_SUFFIX,
                r -> nobody.toString().equals(r.key()),
                kept -> !kept.isEmpty(),
                WAIT);
        String reason = new String(
                dead.get(0)
                        .headers()
                        .lastHeader(EventHeaders.DEAD_LETTER_REASON)
                        .value(),
                StandardCharsets.UTF_8);
        assertThat(reason).contains("availability of volunteer " + nobody + ", who is not registered here");
        assertThat(count("select count(*) from volunteer_view where volunteer_id = ?", nobody))
                .isZero();
    }

    private boolean proposes(NeedSpec need, UUID volunteer) {
        return engine.match(need, 5, Set.of()).proposals().stream()
                .anyMatch(x -> x.candidate().id().equals(volunteer));
    }

    private ZonedDateTime nextSunday() {
        return ZonedDateTime.ofInstant(clock.instant(), SHANGHAI)
                .plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                .truncatedTo(ChronoUnit.HOURS);
    }

    /** A haircut at the volunteer's spot for the half hour from {@code start}. */
    private NeedSpec haircut(Place p, Instant start) {
        UUID needId = UUID.randomUUID();
        NeedPublished n = Town.need(
                needId,
                p.community(),
                p.station(),
                Category.HAIRCUT,
                Urgency.URGENT,
                BeneficiaryGroup.ELDERLY_ALONE,
                "周日晚上理发 a haircut on Sunday evening",
                clock.instant(),
                7,
                null);
        NeedDetails details = NeedDetails.newBuilder(n.getDetails())
                .setPlace(Town.place(p.community(), SPOT))
                .setTimeWindow(TimeWindow.newBuilder()
                        .setStart(start)
                        .setEnd(start.plus(30, ChronoUnit.MINUTES))
                        .build())
                .build();
        return Specs.need(
                needId, p.community(), p.station(), details, clock.instant().toEpochMilli());
    }

    private VolunteerAvailabilityDeclared declared(UUID volunteer, Availability availability) {
        return VolunteerAvailabilityDeclared.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setVolunteerId(volunteer)
                .setAvailability(availability)
                .build();
    }

    private static WeeklySlot slot(DayOfWeek day, int from, int to) {
        return WeeklySlot.newBuilder()
                .setDay(org.wushe.hub.events.common.DayOfWeek.valueOf(day.name()))
                .setStart(LocalTime.of(from, 0))
                .setEnd(LocalTime.of(to, 0))
                .build();
    }
}
