package org.wushe.hub.community.inbound;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.community.need.MatchSaga;
import org.wushe.hub.community.need.NeedService;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchEscalated;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * Binding {@code matches-in-0} ({@code wushe.matching.match}, group {@code community-service}): the
 * needs follow their matches as {@link MatchSaga} says, each change announced as NeedUpdated or
 * NeedClosed through the outbox in the transaction that marks the event processed. A record that
 * cannot be decoded goes to {@code wushe.matching.match.dlt} (platform).
 */
@Configuration(proxyBeanMethods = false)
public class MatchInbound {

    public static final String CONSUMER = "community-service";

    private static final Logger log = LoggerFactory.getLogger(MatchInbound.class);

    /**
     * Batch mode ({@code matches-in-0}, issue #16): the match events of one poll in one transaction, their ids recorded
     * in one statement, each followed in its order on the partitions.
     */
    @Bean
    Consumer<Message<List<byte[]>>> matches(InboundEvents inbound, NeedService needs) {
        return inbound.batchConsumer(CONSUMER)
                .on(
                        MatchProposed.class,
                        (envelope, m) -> needs.followMatch(event(
                                MatchSaga.Kind.PROPOSED, envelope, m.getMatchId(), m.getNeedId(), m.getOccurredAt())))
                .on(MatchEscalated.class, (envelope, m) -> {
                    log.info(
                            "Match {} of need {} escalated from station {} to {} (deadline {} passed)",
                            m.getMatchId(),
                            m.getNeedId(),
                            m.getStationId(),
                            m.getEscalatedTo(),
                            m.getDeadline());
                    needs.followMatch(event(
                            MatchSaga.Kind.ESCALATED, envelope, m.getMatchId(), m.getNeedId(), m.getOccurredAt()));
                })
                .on(
                        MatchAccepted.class,
                        (envelope, m) -> needs.followMatch(event(
                                MatchSaga.Kind.ACCEPTED, envelope, m.getMatchId(), m.getNeedId(), m.getOccurredAt())))
                .on(
                        MatchDeclined.class,
                        (envelope, m) -> needs.followMatch(event(
                                MatchSaga.Kind.DECLINED, envelope, m.getMatchId(), m.getNeedId(), m.getOccurredAt())))
                .on(
                        MatchCompleted.class,
                        (envelope, m) -> needs.followMatch(event(
                                MatchSaga.Kind.COMPLETED, envelope, m.getMatchId(), m.getNeedId(), m.getOccurredAt())))
                .build();
    }

    private static MatchSaga.Event event(
            MatchSaga.Kind kind, EventEnvelope envelope, UUID matchId, UUID needId, Instant occurredAt) {
        return new MatchSaga.Event(kind, envelope.eventId(), matchId, needId, occurredAt);
    }
}
