package org.wushe.hub.resource.activity;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.volunteer.ActivityCancelled;
import org.wushe.hub.events.volunteer.ActivityChanged;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.platform.inbox.InboundEvents;
import org.wushe.hub.resource.matching.MatchInbound;
import org.wushe.hub.resource.stock.ActivityVenues;

/**
 * The resource service's part in an activity's saga, bound to {@code wushe.volunteer.volunteer} (binding
 * {@code activityEvents-in-0}, group {@code resource-service}): a published or changed activity reserves (or moves) its
 * venue's window, a cancelled one gives it back (see {@link ActivityVenues}). The topic's other events (volunteers,
 * sign-ups, check-ins) are not ours and are skipped. Each event is processed once, in the transaction that records its
 * id; a record that cannot be decoded goes to {@code wushe.volunteer.volunteer.dlt}.
 */
@Configuration(proxyBeanMethods = false)
public class ActivityInbound {

    @Bean
    public Consumer<Message<byte[]>> activityEvents(InboundEvents inbound, ActivityVenues venues) {
        return inbound.consumer(MatchInbound.CONSUMER)
                .on(
                        ActivityPublished.class,
                        (envelope, published) -> venues.planned(
                                published.getActivityId(), published.getRevision(), published.getDetails()))
                .on(
                        ActivityChanged.class,
                        (envelope, changed) ->
                                venues.planned(changed.getActivityId(), changed.getRevision(), changed.getDetails()))
                .on(ActivityCancelled.class, (envelope, cancelled) -> venues.cancelled(cancelled.getActivityId()))
                .build();
    }
}
