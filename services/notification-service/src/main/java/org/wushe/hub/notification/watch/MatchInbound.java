package org.wushe.hub.notification.watch;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchEscalated;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * Binding {@code matchEvents-in-0} on {@code wushe.matching.match} (group {@code notification-service}): each
 * MatchProposed, MatchAccepted, MatchDeclined and MatchEscalated once, in the transaction that records its id; the
 * other events of the topic are ignored; an undecodable record goes to {@code wushe.matching.match.dlt}.
 */
@Configuration(proxyBeanMethods = false)
public class MatchInbound {

    public static final String CONSUMER = "notification-service.matches";

    @Bean
    public Consumer<Message<byte[]>> matchEvents(InboundEvents inbound, Watches watches) {
        return inbound.consumer(CONSUMER)
                .on(
                        MatchProposed.class,
                        (envelope, p) -> watches.proposed(p.getMatchId(), p.getStationId(), p.getExpiresAt()))
                .on(
                        MatchAccepted.class,
                        (envelope, a) -> watches.accepted(
                                a.getMatchId(),
                                a.getStationId(),
                                a.getVolunteerId(),
                                a.getScheduledWindow() == null
                                        ? null
                                        : a.getScheduledWindow().getStart()))
                .on(MatchDeclined.class, (envelope, d) -> watches.closed(d.getMatchId(), d.getStationId()))
                .on(MatchEscalated.class, (envelope, e) -> watches.closed(e.getMatchId(), e.getStationId()))
                .build();
    }
}
