package org.wushe.hub.socialworker.activities;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.common.ActivityDetails;
import org.wushe.hub.events.volunteer.ActivityCancelled;
import org.wushe.hub.events.volunteer.ActivityChanged;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.events.volunteer.VolunteerCheckedOut;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * Binding {@code activityEvents-in-0} on {@code wushe.volunteer.volunteer} (group
 * {@code social-worker-service-activities}: a group of its own beside {@code volunteerEvents-in-0}'s, which would
 * otherwise split the topic's partitions with it; new, it reads the topic from its start): each ActivityPublished,
 * ActivityChanged, ActivityCancelled and VolunteerCheckedOut once, its fact written in the transaction that records its
 * id; the topic's other events are ignored; an undecodable record goes to {@code wushe.volunteer.volunteer.dlt}.
 */
@Configuration(proxyBeanMethods = false)
public class ActivityInbound {

    public static final String CONSUMER = "social-worker-service.activities";

    @Bean
    public Consumer<Message<byte[]>> activityEvents(InboundEvents inbound, ActivityFacts facts) {
        return inbound.consumer(CONSUMER)
                .on(
                        ActivityPublished.class,
                        (envelope, a) -> details(facts, a.getActivityId(), a.getRevision(), a.getDetails()))
                .on(
                        ActivityChanged.class,
                        (envelope, a) -> details(facts, a.getActivityId(), a.getRevision(), a.getDetails()))
                .on(ActivityCancelled.class, (envelope, a) -> facts.cancelled(a.getActivityId()))
                .on(
                        VolunteerCheckedOut.class,
                        (envelope, c) -> facts.checkedOut(
                                c.getSignUpId(),
                                c.getActivityId(),
                                c.getVolunteerId(),
                                c.getCreditedMinutes(),
                                c.getCheckedOutAt(),
                                c.getOccurredAt()))
                .build();
    }

    private static void details(ActivityFacts facts, java.util.UUID activityId, int revision, ActivityDetails d) {
        facts.details(
                activityId,
                revision,
                d.getPublisherKind().name(),
                d.getPublisherId(),
                d.getCommunityId(),
                d.getKind().name(),
                d.getTimeWindow().getStart());
    }
}
