package org.wushe.hub.resource.matching;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchEscalated;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.platform.inbox.InboundEvents;
import org.wushe.hub.resource.stock.ReservationService;

/**
 * The resource service's part in the match saga, bound to {@code wushe.matching.match} (binding
 * {@code matchEvents-in-0}, group {@code resource-service}): an accepted match reserves its allocation
 * for its station, a declined one gives it back, a completed one consumes it. Every match event also
 * records the match's station (and the centre an escalation sends it to), which scopes what station staff
 * may reserve by hand. Each event is processed once, in the transaction that records its id; a record that
 * cannot be decoded goes to {@code wushe.matching.match.dlt}. The consumer bean is {@code matchEvents}, the name
 * {@code spring.cloud.function.definition} and the binding use in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
public class MatchInbound {

    public static final String CONSUMER = "resource-service";

    @Bean
    public Consumer<Message<byte[]>> matchEvents(InboundEvents inbound, ReservationService reservations) {
        return inbound.consumer(CONSUMER)
                .on(
                        MatchProposed.class,
                        (envelope, proposed) -> reservations.matchSeen(
                                proposed.getMatchId(), proposed.getNeedId(), proposed.getStationId(), null))
                .on(
                        MatchEscalated.class,
                        (envelope, escalated) -> reservations.matchSeen(
                                escalated.getMatchId(),
                                escalated.getNeedId(),
                                escalated.getStationId(),
                                escalated.getEscalatedTo()))
                .on(MatchAccepted.class, (envelope, accepted) -> {
                    reservations.matchSeen(accepted.getMatchId(), accepted.getNeedId(), accepted.getStationId(), null);
                    if (accepted.getOfferId() != null) { // a match of a volunteer only reserves nothing here
                        reservations.reserveForMatch(
                                accepted.getOfferId(),
                                accepted.getMatchId(),
                                accepted.getNeedId(),
                                accepted.getStationId(),
                                accepted.getAllocation(),
                                accepted.getScheduledWindow());
                    }
                })
                .on(MatchDeclined.class, (envelope, declined) -> {
                    reservations.matchSeen(declined.getMatchId(), declined.getNeedId(), declined.getStationId(), null);
                    reservations.releaseForMatch(declined.getMatchId(), ReleaseReason.MATCH_DECLINED);
                })
                .on(MatchCompleted.class, (envelope, completed) -> {
                    reservations.matchSeen(
                            completed.getMatchId(), completed.getNeedId(), completed.getStationId(), null);
                    reservations.consumeForMatch(completed.getMatchId(), completed.getDelivered());
                })
                .build();
    }
}
