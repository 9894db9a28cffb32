package org.wushe.hub.resource.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.events.common.ActivityDetails;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.events.resource.ReservationFailure;
import org.wushe.hub.events.resource.ResourceConsumed;
import org.wushe.hub.events.resource.ResourceReleased;
import org.wushe.hub.events.resource.ResourceReservationFailed;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.resource.stock.OfferExpiry;
import org.wushe.hub.resource.support.ResourceServiceTest;
import org.wushe.hub.resource.support.Samples;
import org.wushe.hub.resource.support.VolunteerService;
import org.wushe.hub.schemas.ActivityVenueContract;

/**
 * An activity's venue, reserved through the saga on real parts (#15 item 1): activity events are written to the volunteer
 * service's outbox, captured by its Debezium connector, routed to wushe.volunteer.volunteer, consumed here, and answered
 * on wushe.resource.offer through our own outbox, with activityId set.
 */
class ActivityVenueTest extends ResourceServiceTest {

    private static VolunteerService volunteers;

    @Autowired
    OfferExpiry expiry;

    @BeforeEach
    void volunteerService() {
        if (volunteers == null) {
            volunteers = new VolunteerService(codec);
        }
    }

    @Test
    void twoActivitiesThatWouldCrowdOneVenueSlotCannotBothHaveIt() {
        UUID hall = createOffer(Samples.venue(registerDonor("某物业 a property manager"), 40));
        Instant[] tuesday = afternoon(DayOfWeek.TUESDAY);
        UUID clinic = UUID.randomUUID();
        UUID festival = UUID.randomUUID();

        volunteers.published(clinic, VolunteerService.clinic(hall, tuesday, 10, 20));
        ResourceReserved reserved =
                last(eventsUntil(Aggregate.OFFER, hall, "ResourceReserved"), ResourceReserved.class);
        assertThat(reserved.getActivityId()).isEqualTo(clinic);
        assertThat(reserved.getNeedId()).isEqualTo(clinic);
        assertThat(reserved.getMatchId()).isEqualTo(ActivityVenueContract.key(clinic, 1));
        assertThat(reserved.getReserved().getCapacity()).isEqualTo(30);
        assertThat(reserved.getReserved().getWindow().getStart()).isEqualTo(tuesday[0]);
        assertThat(reserved.getRemaining().getCapacity()).isEqualTo(10);

        // The second would bring 5 + 15 people to the 10 places left in that slot.
        volunteers.published(festival, VolunteerService.clinic(hall, tuesday, 5, 15));
        ResourceReservationFailed refused = last(
                eventsUntil(Aggregate.OFFER, hall, "ResourceReserved", "ResourceReservationFailed"),
                ResourceReservationFailed.class);
        assertThat(refused.getActivityId()).isEqualTo(festival);
        assertThat(refused.getReason()).isEqualTo(ReservationFailure.SLOT_TAKEN);
        assertThat(refused.getRequested().getCapacity()).isEqualTo(20);
        assertThat(refused.getAvailable().getCapacity()).isEqualTo(10);
        assertThat(heldBy(clinic)).isEqualTo(1);
        assertThat(heldBy(festival)).isZero();
    }

    @Test
    void aChangeMovesTheReservationARedeliveryMakesNoSecondAndACancellationGivesItBack() {
        UUID hall = createOffer(Samples.venue(registerDonor("某社区基金会 a community foundation"), 40));
        Instant[] tuesday = afternoon(DayOfWeek.TUESDAY);
        UUID clinic = UUID.randomUUID();
        ActivityDetails details = VolunteerService.clinic(hall, tuesday, 10, 20);
        ActivityPublished published = volunteers.published(clinic, details);
        eventsUntil(Aggregate.OFFER, hall, "ResourceReserved");

        // The same event again (a redelivery) and a change the venue does not care about: still the one reservation.
        volunteers.publish(clinic, published);
        volunteers.changed(
                clinic,
                2,
                ActivityDetails.newBuilder(details).setApprovalRequired(true).build());
        // Then to Thursday: the Tuesday is given back and the Thursday held, under revision 3's key.
        Instant[] thursday = afternoon(DayOfWeek.THURSDAY);
        volunteers.changed(clinic, 3, VolunteerService.clinic(hall, thursday, 10, 20));
        List<Received> moved =
                eventsUntil(Aggregate.OFFER, hall, "ResourceReserved", "ResourceReleased", "ResourceReserved");
        ResourceReleased tuesdayBack = last(moved, ResourceReleased.class);
        assertThat(tuesdayBack.getReason()).isEqualTo(ReleaseReason.ACTIVITY_CHANGED);
        assertThat(tuesdayBack.getActivityId()).isEqualTo(clinic);
        assertThat(tuesdayBack.getMatchId()).isEqualTo(ActivityVenueContract.key(clinic, 1));
        ResourceReserved thursdayHeld = last(moved, ResourceReserved.class);
        assertThat(thursdayHeld.getMatchId()).isEqualTo(ActivityVenueContract.key(clinic, 3));
        assertThat(thursdayHeld.getReserved().getWindow().getStart()).isEqualTo(thursday[0]);
        assertThat(moved.stream()
                        .filter(r -> r.type().equals("ResourceReserved"))
                        .count())
                .as("revision 1 once (not again on its redelivery, nor for revision 2), then revision 3")
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM reservation WHERE need_id = ? AND source = 'ACTIVITY'",
                        Long.class,
                        clinic))
                .isEqualTo(2);
        assertThat(heldBy(clinic)).isEqualTo(1);

        volunteers.cancelled(clinic, 4);
        ResourceReleased cancelled = last(
                eventsUntil(
                        Aggregate.OFFER,
                        hall,
                        "ResourceReserved",
                        "ResourceReleased",
                        "ResourceReserved",
                        "ResourceReleased"),
                ResourceReleased.class);
        assertThat(cancelled.getReason()).isEqualTo(ReleaseReason.ACTIVITY_CANCELLED);
        assertThat(cancelled.getRemaining().getCapacity()).isEqualTo(40);
        assertThat(heldBy(clinic)).isZero();
    }

    @Test
    void aVenueStillHeldAfterItsActivityAndHoldWasUsedAndIsConsumedNotGivenBack() {
        UUID hall = createOffer(Samples.venue(registerDonor("某街道文化站 a street's culture station"), 40));
        Instant[] tuesday = afternoon(DayOfWeek.TUESDAY);
        UUID festival = UUID.randomUUID();
        volunteers.published(festival, VolunteerService.clinic(hall, tuesday, 6, 10));
        ResourceReserved reserved =
                last(eventsUntil(Aggregate.OFFER, hall, "ResourceReserved"), ResourceReserved.class);

        clock.advance(Duration.between(clock.instant(), reserved.getExpiresAt().plusSeconds(60)));
        expiry.runOnce();

        ResourceConsumed used = last(
                eventsUntil(Aggregate.OFFER, hall, "ResourceReserved", "ResourceConsumed"), ResourceConsumed.class);
        assertThat(used.getActivityId()).isEqualTo(festival);
        assertThat(used.getConsumed().getCapacity()).isEqualTo(16);
        assertThat(used.getReturned()).isNull();
        assertThat(heldBy(festival)).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM reservation WHERE need_id = ? AND source = 'ACTIVITY'",
                        String.class,
                        festival))
                .isEqualTo("CONSUMED");
    }

    @Test
    void anActivityNamingAnOfferThatIsNoVenueIsRefused() {
        UUID goods = createOffer(Samples.goods(registerDonor("某超市 a supermarket"), 30, "BOX", null));
        UUID activity = UUID.randomUUID();

        volunteers.published(activity, VolunteerService.clinic(goods, afternoon(DayOfWeek.TUESDAY), 3, 0));

        ResourceReservationFailed refused =
                last(eventsUntil(Aggregate.OFFER, goods, "ResourceReservationFailed"), ResourceReservationFailed.class);
        assertThat(refused.getActivityId()).isEqualTo(activity);
        assertThat(refused.getReason()).isEqualTo(ReservationFailure.OTHER);
        assertThat(available(goods)).isEqualTo(30);
    }

    private long heldBy(UUID activity) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM reservation WHERE need_id = ? AND source = 'ACTIVITY' AND status = 'RESERVED'",
                Long.class,
                activity);
    }

    /** The next {@code day} at least two days away, 14:30–16:30 in Shanghai: within the sample venue's opening hours. */
    private static Instant[] afternoon(DayOfWeek day) {
        LocalDate d = LocalDate.now(Samples.SHANGHAI).plusDays(2);
        while (d.getDayOfWeek() != day) {
            d = d.plusDays(1);
        }
        return new Instant[] {
            d.atTime(14, 30).atZone(Samples.SHANGHAI).toInstant(),
            d.atTime(16, 30).atZone(Samples.SHANGHAI).toInstant()
        };
    }
}
