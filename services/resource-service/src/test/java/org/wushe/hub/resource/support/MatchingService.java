package org.wushe.hub.resource.support;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.matching.Decider;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchEscalated;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.AvroEventCodec;

/**
 * Stands in for the matching service (a later issue) the way it will work: its own schema
 * {@code matching} with the platform's outbox, written through an {@link OutboxWriter} in a
 * transaction, captured by the shipped {@code matching-outbox} Debezium connector and routed to
 * {@code wushe.matching.match}. So match events reach the resource service by the real CDC path.
 */
public final class MatchingService {

    public static final UUID COMMUNITY = Samples.COMMUNITY;
    public static final UUID STATION = UUID.fromString("0b7e3d1a-9f2c-4c55-8e0a-3d6f1b2a4c77");

    private final Upstream upstream;

    public MatchingService(AvroEventCodec codec) {
        this.upstream = Upstream.matching(codec);
    }

    /** The engine proposes the offer for the need to {@code station}'s staff. */
    public EventEnvelope proposed(UUID matchId, UUID needId, UUID offerId, UUID station) {
        return publish(
                matchId,
                MatchProposed.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setMatchId(matchId)
                        .setNeedId(needId)
                        .setCommunityId(COMMUNITY)
                        .setStationId(station)
                        .setOfferId(offerId)
                        .setScore(0.8)
                        .build());
    }

    /** Nobody at {@code station} answered: the proposal goes up to {@code centre}. */
    public EventEnvelope escalated(UUID matchId, UUID needId, UUID station, UUID centre) {
        Instant now = Instant.now();
        return publish(
                matchId,
                MatchEscalated.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(now)
                        .setMatchId(matchId)
                        .setNeedId(needId)
                        .setCommunityId(COMMUNITY)
                        .setStationId(station)
                        .setEscalatedTo(centre)
                        .setProposedAt(now.minusSeconds(900))
                        .setDeadline(now)
                        .build());
    }

    public EventEnvelope accepted(
            UUID matchId, UUID needId, UUID offerId, Allocation allocation, TimeWindow scheduled) {
        return accepted(matchId, needId, offerId, allocation, scheduled, STATION);
    }

    /** {@code station}'s staff accepted the match. */
    public EventEnvelope accepted(
            UUID matchId, UUID needId, UUID offerId, Allocation allocation, TimeWindow scheduled, UUID station) {
        return publish(
                matchId,
                MatchAccepted.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setMatchId(matchId)
                        .setNeedId(needId)
                        .setCommunityId(COMMUNITY)
                        .setStationId(station)
                        .setOfferId(offerId)
                        .setAllocation(allocation)
                        .setScheduledWindow(scheduled)
                        .build());
    }

    public EventEnvelope declined(UUID matchId, UUID needId, UUID offerId) {
        return publish(
                matchId,
                MatchDeclined.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setMatchId(matchId)
                        .setNeedId(needId)
                        .setCommunityId(COMMUNITY)
                        .setStationId(STATION)
                        .setOfferId(offerId)
                        .setDeclinedBy(Decider.STATION_STAFF)
                        .setReason(DeclineReason.RESIDENT_DECLINED)
                        .build());
    }

    public EventEnvelope completed(UUID matchId, UUID needId, UUID offerId, Allocation delivered) {
        return publish(
                matchId,
                MatchCompleted.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setMatchId(matchId)
                        .setNeedId(needId)
                        .setCommunityId(COMMUNITY)
                        .setStationId(STATION)
                        .setOfferId(offerId)
                        .setServiceMinutes(0)
                        .setPeopleReached(1)
                        .setDelivered(delivered)
                        .build());
    }

    private EventEnvelope publish(UUID matchId, org.apache.avro.specific.SpecificRecord event) {
        return upstream.publish(Aggregate.MATCH, matchId, event);
    }
}
