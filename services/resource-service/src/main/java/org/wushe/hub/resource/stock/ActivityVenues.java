package org.wushe.hub.resource.stock;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.ActivityDetails;
import org.wushe.hub.events.common.ActivityPublisherKind;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.events.resource.ReservationFailure;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.resource.common.Window;
import org.wushe.hub.resource.offer.Offer;
import org.wushe.hub.resource.offer.OfferService;
import org.wushe.hub.schemas.ActivityVenueContract;

/**
 * An activity's venue, reserved through the saga like a match's resource (#15 item 1). The volunteer service publishes
 * an activity with a venue offer of ours; we reserve the activity's window at that venue for its people (every
 * position's places and every resident it serves: a venue's capacity counts people, 人次, like a match's) and answer
 * {@code ResourceReserved} or {@code ResourceReservationFailed} with {@code activityId} set, on the offer's topic. So two
 * activities that would crowd one venue's slot cannot both have it: the second is refused {@code SLOT_TAKEN}, the way
 * the stock refuses a match.
 *
 * <p>The reservation's key (the {@code matchId} of its events) is {@link ActivityVenueContract#key(UUID, int)}: a name-based UUID of the
 * activity and the revision that made it, so a redelivered event finds the reservation it already made, and the
 * volunteer service recognises the answer to the revision it is waiting for. A change that keeps the venue, the window
 * and the people keeps the reservation; any other change releases it ({@code ACTIVITY_CHANGED}) and reserves anew, and a
 * cancellation releases it ({@code ACTIVITY_CANCELLED}). Events of one activity arrive in order (the volunteer service
 * keys them by the activity), and each is processed once (the inbox records its id).
 */
@Service
public class ActivityVenues {

    private final OfferService offers;
    private final ReservationService reservations;
    private final ReservationRepository repository;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ActivityVenues(
            OfferService offers,
            ReservationService reservations,
            ReservationRepository repository,
            OutboxWriter outbox,
            Clock clock) {
        this.offers = offers;
        this.reservations = reservations;
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * An activity was published or changed (its whole details, at {@code revision}): hold its venue's window, move the
     * hold, or give it back when it no longer names a venue.
     */
    @Transactional
    public void planned(UUID activityId, int revision, ActivityDetails details) {
        Optional<Reservation> held = repository.heldForActivity(activityId);
        if (details.getVenueOfferId() == null) {
            held.ifPresent(r -> reservations.release(r, ReleaseReason.ACTIVITY_CHANGED));
            return;
        }
        UUID offerId = details.getVenueOfferId();
        Window window = Window.of(details.getTimeWindow());
        if (!window.end().isAfter(clock.instant())) {
            return; // an activity recorded after it was held: its venue's hour has passed, there is nothing to hold
        }
        int people = ActivityVenueContract.people(details);
        if (held.isPresent()
                && held.get().offerId().equals(offerId)
                && window.equals(held.get().window())
                && held.get().amount() == people) {
            return; // nothing the venue cares about changed: the reservation stays as it is
        }
        held.ifPresent(r -> reservations.release(r, ReleaseReason.ACTIVITY_CHANGED));
        UUID key = ActivityVenueContract.key(activityId, revision);
        UUID station = details.getPublisherKind() == ActivityPublisherKind.STATION ? details.getPublisherId() : null;
        Optional<Offer> offer = offers.find(offerId);
        ReservationService.Outcome outcome = offer.isPresent() && offer.get().kind() != OfferKind.VENUE
                ? new ReservationService.Refused(
                        ReservationFailure.OTHER, "venueOfferId", "offer " + offerId + " is not a venue 不是场地", null)
                : reservations.reserve(new ReservationService.ReserveCommand(
                        offerId,
                        key,
                        activityId,
                        station,
                        new Requested(null, null, null, people, window),
                        Reservation.Source.ACTIVITY));
        if (outcome instanceof ReservationService.Refused refused) {
            outbox.publish(
                    Aggregate.OFFER,
                    offerId.toString(),
                    StockEvents.failed(
                            offerId,
                            key,
                            activityId,
                            StockEvents.people(people, details.getTimeWindow()),
                            refused.reason(),
                            refused.available(),
                            activityId,
                            clock.instant()));
        }
    }

    /** The activity was cancelled: its venue goes back to the offer. */
    @Transactional
    public void cancelled(UUID activityId) {
        repository
                .heldForActivity(activityId)
                .ifPresent(r -> reservations.release(r, ReleaseReason.ACTIVITY_CANCELLED));
    }
}
