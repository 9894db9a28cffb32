package org.wushe.hub.resource.matching;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.platform.inbox.InboundEvents;
import org.wushe.hub.resource.stock.ReservationService;

/**
 * The resource service's part in the match saga, bound to {@code wushe.matching.match} (binding
 * {@code matchEvents-in-0}, group {@code resource-service}): an accepted match reserves its allocation,
 * a declined one gives it back, a completed one consumes it. Each event is processed once, in the
 * transaction that records its id; a record that cannot be decoded goes to {@code wushe.matching.match.dlt}.
 */
@Configuration(proxyBeanMethods = false)
public class MatchEventsBinding {

    public static final String CONSUMER = "resource-service";

    @Bean
    public Consumer<Message<byte[]>> matchEvents(InboundEvents inbound, ReservationService reservations) {
        return inbound.consumer(CONSUMER)
                .on(MatchAccepted.class, (envelope, accepted) -> {
                    if (accepted.getOfferId() != null) { // a match of a volunteer only reserves nothing here
                        reservations.reserveForMatch(accepted.getOfferId(), accepted.getMatchId(), accepted.getNeedId(),
                                accepted.getAllocation(), accepted.getScheduledWindow());
                    }
                })
                .on(MatchDeclined.class, (envelope, declined) -> reservations.releaseForMatch(declined.getMatchId(), ReleaseReason.MATCH_DECLINED))
                .on(MatchCompleted.class, (envelope, completed) -> reservations.consumeForMatch(completed.getMatchId(), completed.getDelivered()))
                .build();
    }
}
