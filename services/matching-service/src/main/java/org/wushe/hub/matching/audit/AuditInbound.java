package org.wushe.hub.matching.audit;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchEscalated;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * {@code audit-in-0}: this service's own match events, read back from {@code wushe.matching.match} with
 * a consumer group of their own ({@value #CONSUMER}), so each need's history holds every proposal and
 * decision with the actor and position the topic gave it. Not part of the read-model replay.
 */
@Configuration(proxyBeanMethods = false)
public class AuditInbound {

    public static final String CONSUMER = "matching-service-audit";

    @Bean
    Consumer<Message<byte[]>> audit(InboundEvents inbound, AuditTrail trail) {
        return inbound.consumer(CONSUMER)
                .on(MatchProposed.class, (e, m) -> trail.record(e, m.getNeedId(), Summary.of(m)))
                .on(MatchEscalated.class, (e, m) -> trail.record(e, m.getNeedId(), Summary.of(m)))
                .on(MatchAccepted.class, (e, m) -> trail.record(e, m.getNeedId(), Summary.of(m)))
                .on(MatchDeclined.class, (e, m) -> trail.record(e, m.getNeedId(), Summary.of(m)))
                .on(MatchCompleted.class, (e, m) -> trail.record(e, m.getNeedId(), Summary.of(m)))
                .build();
    }
}
