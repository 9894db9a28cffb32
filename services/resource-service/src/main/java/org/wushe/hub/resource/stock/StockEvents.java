package org.wushe.hub.resource.stock;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.events.resource.ReservationFailure;
import org.wushe.hub.events.resource.ResourceConsumed;
import org.wushe.hub.events.resource.ResourceReleased;
import org.wushe.hub.events.resource.ResourceReservationFailed;
import org.wushe.hub.events.resource.ResourceReserved;

/**
 * The events of stock, as the contracts in {@code schemas/src/main/avro/resource/} spell them ({@code ResourceExpired}, an
 * offer's, is built in {@code OfferEvents}).
 */
public final class StockEvents {

    private StockEvents() {}

    static ResourceReserved reserved(Reservation r, Allocation reserved, Allocation remaining, Instant at) {
        return ResourceReserved.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setReservationId(r.id())
                .setOfferId(r.offerId())
                .setMatchId(r.matchId())
                .setNeedId(r.needId())
                .setReserved(reserved)
                .setRemaining(remaining)
                .setExpiresAt(r.expiresAt())
                .setActivityId(r.activityId())
                .build();
    }

    static ResourceReservationFailed failed(
            UUID offerId,
            UUID matchId,
            UUID needId,
            Allocation requested,
            ReservationFailure reason,
            Allocation available,
            UUID activityId,
            Instant at) {
        return ResourceReservationFailed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setOfferId(offerId)
                .setMatchId(matchId)
                .setNeedId(needId)
                .setRequested(requested == null ? Allocation.newBuilder().build() : requested)
                .setReason(reason)
                .setAvailable(available)
                .setActivityId(activityId)
                .build();
    }

    /** What an activity asks of its venue: people in a window. */
    static Allocation people(int people, TimeWindow window) {
        return Allocation.newBuilder().setCapacity(people).setWindow(window).build();
    }

    static ResourceReleased released(
            Reservation r, ReleaseReason reason, Allocation released, Allocation remaining, Instant at) {
        return ResourceReleased.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setReservationId(r.id())
                .setOfferId(r.offerId())
                .setMatchId(r.matchId())
                .setNeedId(r.needId())
                .setReason(reason)
                .setReleased(released)
                .setRemaining(remaining)
                .setActivityId(r.activityId())
                .build();
    }

    static ResourceConsumed consumed(
            Reservation r, Allocation consumed, Allocation returned, Allocation remaining, Instant at) {
        return ResourceConsumed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setReservationId(r.id())
                .setOfferId(r.offerId())
                .setMatchId(r.matchId())
                .setNeedId(r.needId())
                .setConsumed(consumed)
                .setReturned(returned)
                .setRemaining(remaining)
                .setActivityId(r.activityId())
                .build();
    }
}
