package org.wushe.hub.community.inbound;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.community.socialworker.WorkerStations;
import org.wushe.hub.events.socialworker.SocialWorkerAssigned;
import org.wushe.hub.events.socialworker.SocialWorkerRegistered;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * Binding {@code assignments-in-0} ({@code wushe.socialworker.worker}, group {@value #CONSUMER}): the station each social
 * worker is assigned to now, so that the social workers of a station may list and record its follow-up visits (回访). A
 * registration names the first station (SocialWorkerRegistered: a worker registered with a station but no supervisor gets
 * no SocialWorkerAssigned), every change after it comes as SocialWorkerAssigned (a null station: on none); the newest
 * event wins ({@link WorkerStations#assigned}). Once per event (platform); a record that cannot be decoded goes to
 * {@code wushe.socialworker.worker.dlt}. The topic's other events are skipped.
 *
 * <p>A consumer group of its own: in {@code visits-in-0}'s group the two bindings would share the topic's partitions, and
 * each would skip the other's events on its half.
 */
@Configuration(proxyBeanMethods = false)
public class AssignmentInbound {

    public static final String CONSUMER = "community-service-assignments";

    @Bean
    Consumer<Message<byte[]>> assignments(InboundEvents inbound, WorkerStations stations) {
        return inbound.consumer(CONSUMER)
                .on(
                        SocialWorkerRegistered.class,
                        (envelope, r) -> stations.assigned(
                                envelope.eventId(), r.getSocialWorkerId(), r.getStationId(), null, r.getOccurredAt()))
                .on(
                        SocialWorkerAssigned.class,
                        (envelope, a) -> stations.assigned(
                                envelope.eventId(),
                                a.getSocialWorkerId(),
                                a.getStationId(),
                                a.getAssignedOn(),
                                a.getOccurredAt()))
                .build();
    }
}
