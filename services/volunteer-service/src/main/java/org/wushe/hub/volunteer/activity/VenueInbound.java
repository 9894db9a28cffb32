package org.wushe.hub.volunteer.activity;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.events.resource.ResourceReleased;
import org.wushe.hub.events.resource.ResourceReservationFailed;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.platform.inbox.InboundEvents;
import org.wushe.hub.volunteer.matching.MatchInbound;

/**
 * The resource service's answers about activities' venues, bound to {@code wushe.resource.offer} (binding {@code
 * venues-in-0}, group {@code volunteer-service}, never rewound): {@code ResourceReserved}, {@code
 * ResourceReservationFailed} and {@code ResourceReleased} with {@code activityId} set (see {@link ActivityVenues}). The
 * topic's other events (offers, and the matches' reservations, which carry no activity) are skipped. Each event is
 * processed once, in the transaction that records its id; a record that cannot be decoded goes to {@code
 * wushe.resource.offer.dlt}.
 */
@Configuration(proxyBeanMethods = false)
public class VenueInbound {

    @Bean
    Consumer<Message<byte[]>> venues(InboundEvents inbound, ActivityVenues venues) {
        return inbound.consumer(MatchInbound.CONSUMER)
                .on(ResourceReserved.class, (envelope, r) -> {
                    if (r.getActivityId() != null) {
                        venues.answered(
                                r.getActivityId(),
                                about(r.getOfferId(), r.getReserved()),
                                ActivityVenues.Status.RESERVED,
                                null,
                                envelope.occurredAt());
                    }
                })
                .on(ResourceReservationFailed.class, (envelope, r) -> {
                    if (r.getActivityId() != null) {
                        venues.answered(
                                r.getActivityId(),
                                about(r.getOfferId(), r.getRequested()),
                                ActivityVenues.Status.REFUSED,
                                r.getReason().name(),
                                envelope.occurredAt());
                    }
                })
                .on(ResourceReleased.class, (envelope, r) -> {
                    // A release because the activity changed is followed by the answer to the new request.
                    if (r.getActivityId() != null && r.getReason() != ReleaseReason.ACTIVITY_CHANGED) {
                        venues.answered(
                                r.getActivityId(),
                                about(r.getOfferId(), r.getReleased()),
                                ActivityVenues.Status.RELEASED,
                                r.getReason().name(),
                                envelope.occurredAt());
                    }
                })
                .build();
    }

    private static ActivityVenues.Asked about(UUID offerId, Allocation a) {
        Instant start = a.getWindow() == null ? null : a.getWindow().getStart();
        Instant end = a.getWindow() == null ? null : a.getWindow().getEnd();
        return new ActivityVenues.Asked(offerId, start, end, a.getCapacity() == null ? 0 : a.getCapacity());
    }
}
