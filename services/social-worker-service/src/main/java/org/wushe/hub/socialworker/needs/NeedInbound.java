package org.wushe.hub.socialworker.needs;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.community.FollowUpRecorded;
import org.wushe.hub.events.community.NeedClosed;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.ServiceRated;
import org.wushe.hub.events.community.WishSubmitted;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * Bindings {@code needEvents-in-0} on {@code wushe.community.need} and {@code matchEvents-in-0} on
 * {@code wushe.matching.match} (group {@code social-worker-service}): each event once, its fact written in
 * the transaction that records its id; NeedUpdated, MatchDeclined and MatchEscalated are ignored (the
 * report counts first proposals, first acceptances and fulfilments). Residents' own events on the need
 * topic (WishSubmitted, ServiceRated, FollowUpRecorded) go to {@link ResidentFacts}. An undecodable record
 * goes to the topic's {@code .dlt}.
 */
@Configuration(proxyBeanMethods = false)
public class NeedInbound {

    public static final String NEEDS = "social-worker-service.needs";
    public static final String MATCHES = "social-worker-service.matches";

    @Bean
    public Consumer<Message<byte[]>> needEvents(InboundEvents inbound, NeedFacts facts, ResidentFacts residents) {
        return inbound.consumer(NEEDS)
                .on(
                        NeedPublished.class,
                        (envelope, n) -> facts.published(
                                n.getNeedId(),
                                n.getStationId(),
                                n.getCommunityId(),
                                n.getDetails().getSource().name(),
                                n.getHazardId(),
                                n.getOccurredAt()))
                .on(
                        NeedClosed.class,
                        (envelope, n) -> facts.closed(
                                n.getNeedId(),
                                n.getStationId(),
                                n.getCommunityId(),
                                n.getOutcome().name(),
                                n.getOccurredAt()))
                .on(
                        WishSubmitted.class,
                        (envelope, w) ->
                                residents.wish(w.getWishId(), w.getCommunityId(), w.getStationId(), w.getOccurredAt()))
                .on(
                        ServiceRated.class,
                        (envelope, r) -> residents.rated(
                                r.getNeedId(),
                                r.getStationId(),
                                r.getCommunityId(),
                                r.getStars(),
                                r.getFollowUpOpened(),
                                r.getOccurredAt()))
                .on(
                        FollowUpRecorded.class,
                        (envelope, f) -> residents.followUp(
                                f.getFollowUpId(),
                                f.getNeedId(),
                                f.getStationId(),
                                f.getCommunityId(),
                                f.getOccurredAt()))
                .build();
    }

    @Bean
    public Consumer<Message<byte[]>> matchEvents(InboundEvents inbound, NeedFacts facts) {
        return inbound.consumer(MATCHES)
                .on(
                        MatchProposed.class,
                        (envelope, m) -> facts.proposed(
                                m.getMatchId(), m.getNeedId(), m.getStationId(), m.getCommunityId(), m.getOccurredAt()))
                .on(
                        MatchAccepted.class,
                        (envelope, m) -> facts.accepted(
                                m.getMatchId(), m.getNeedId(), m.getStationId(), m.getCommunityId(), m.getOccurredAt()))
                .on(
                        MatchCompleted.class,
                        (envelope, m) -> facts.completed(
                                m.getMatchId(), m.getNeedId(), m.getStationId(), m.getCommunityId(), m.getOccurredAt()))
                .build();
    }
}
