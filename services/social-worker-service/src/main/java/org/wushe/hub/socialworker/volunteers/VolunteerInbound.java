package org.wushe.hub.socialworker.volunteers;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.volunteer.PointsAwarded;
import org.wushe.hub.events.volunteer.ServiceHoursCredited;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * Binding {@code volunteerEvents-in-0} on {@code wushe.volunteer.volunteer} (group {@code social-worker-service}):
 * each VolunteerRegistered, ServiceHoursCredited and PointsAwarded once, in the transaction that records
 * its id; the other events of the topic are ignored; an undecodable record goes to
 * {@code wushe.volunteer.volunteer.dlt}.
 */
@Configuration(proxyBeanMethods = false)
public class VolunteerInbound {

    public static final String CONSUMER = "social-worker-service.volunteers";

    @Bean
    public Consumer<Message<byte[]>> volunteerEvents(
            InboundEvents inbound, VolunteerRegistrations registrations, VolunteerCredits credits) {
        return inbound.consumer(CONSUMER)
                .on(
                        VolunteerRegistered.class,
                        (envelope, v) -> registrations.record(
                                v.getVolunteerId(),
                                v.getCommunityId(),
                                v.getHomeArea() == null ? null : v.getHomeArea().getCommunityId(),
                                v.getHomeArea() == null ? null : v.getHomeArea().getGridId(),
                                v.getOccurredAt(),
                                envelope.eventId()))
                .on(
                        ServiceHoursCredited.class,
                        (envelope, h) -> credits.hours(
                                h.getCreditId(),
                                h.getVolunteerId(),
                                h.getMinutes(),
                                h.getSource().name(),
                                h.getMatchId(),
                                h.getStationId(),
                                h.getServedOn(),
                                h.getOccurredAt()))
                .on(
                        PointsAwarded.class,
                        (envelope, p) -> credits.points(
                                p.getTransactionId(),
                                p.getVolunteerId(),
                                p.getCreditId(),
                                p.getPoints(),
                                p.getOccurredAt()))
                .build();
    }
}
