package org.wushe.hub.matching.audit;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchEscalated;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.platform.inbox.InboundEvents;
import org.wushe.hub.platform.inbox.InboundEvents.Received;

/**
 * {@code audit-in-0} (batch mode): this service's own match events, read back from {@code wushe.matching.match}
 * with a consumer group of their own ({@value #CONSUMER}), so each need's history holds every proposal and
 * decision with the actor and position the topic gave it. A poll's events are one transaction, a run of one type
 * one batch of inserts ({@link AuditTrail#recordAll}). Not part of the read-model replay.
 */
@Configuration(proxyBeanMethods = false)
public class AuditInbound {

    public static final String CONSUMER = "matching-service-audit";

    @Bean
    Consumer<Message<List<byte[]>>> audit(InboundEvents inbound, AuditTrail trail) {
        return inbound.batchConsumer(CONSUMER)
                .onRun(MatchProposed.class, run -> trail.recordAll(lines(run, MatchProposed::getNeedId, Summary::of)))
                .onRun(MatchEscalated.class, run -> trail.recordAll(lines(run, MatchEscalated::getNeedId, Summary::of)))
                .onRun(MatchAccepted.class, run -> trail.recordAll(lines(run, MatchAccepted::getNeedId, Summary::of)))
                .onRun(MatchDeclined.class, run -> trail.recordAll(lines(run, MatchDeclined::getNeedId, Summary::of)))
                .onRun(MatchCompleted.class, run -> trail.recordAll(lines(run, MatchCompleted::getNeedId, Summary::of)))
                .build();
    }

    private static <T extends SpecificRecord> List<AuditTrail.Line> lines(
            List<Received<T>> run, Function<T, UUID> needId, Function<T, Summary> summary) {
        return run.stream()
                .map(r -> new AuditTrail.Line(r.envelope(), needId.apply(r.payload()), summary.apply(r.payload())))
                .toList();
    }
}
