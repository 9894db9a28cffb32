package org.wushe.hub.matching.proposal;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.matching.Decider;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchEscalated;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.events.matching.ScoreComponent;
import org.wushe.hub.matching.engine.Allocation;
import org.wushe.hub.matching.engine.CandidateKind;
import org.wushe.hub.matching.engine.Window;

/** The Avro events of a match, built from its stored record. */
final class MatchEvents {

    private MatchEvents() {}

    static MatchProposed proposed(MatchRecord m, Instant now) {
        return MatchProposed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setMatchId(m.matchId())
                .setNeedId(m.needId())
                .setCommunityId(m.communityId())
                .setStationId(m.stationId())
                .setOfferId(id(m, CandidateKind.OFFER))
                .setVolunteerId(id(m, CandidateKind.VOLUNTEER))
                .setCapacityId(id(m, CandidateKind.CAPACITY))
                .setScore(m.score())
                .setRank(m.rank())
                .setExplanation(m.explanation().stream()
                        .map(c -> ScoreComponent.newBuilder()
                                .setComponent(c.component())
                                .setWeight(c.weight())
                                .setValue(c.value())
                                .setTextZh(c.textZh())
                                .setTextEn(c.textEn())
                                .build())
                        .toList())
                .setProposedWindow(window(m.window()))
                .setProposedAllocation(allocation(m.allocation()))
                .setExpiresAt(m.deadline())
                .build();
    }

    static MatchEscalated escalated(MatchRecord m, UUID to, Instant now, Instant newDeadline) {
        return MatchEscalated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setMatchId(m.matchId())
                .setNeedId(m.needId())
                .setCommunityId(m.communityId())
                .setStationId(m.stationId())
                .setEscalatedTo(to)
                .setProposedAt(m.proposedAt())
                .setDeadline(m.deadline())
                .setExpiresAt(newDeadline)
                .build();
    }

    static MatchAccepted accepted(MatchRecord m, Instant now) {
        return MatchAccepted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setMatchId(m.matchId())
                .setNeedId(m.needId())
                .setCommunityId(m.communityId())
                .setStationId(m.stationId())
                .setOfferId(id(m, CandidateKind.OFFER))
                .setVolunteerId(id(m, CandidateKind.VOLUNTEER))
                .setCapacityId(id(m, CandidateKind.CAPACITY))
                .setScheduledWindow(window(m.window()))
                .setAllocation(allocation(m.allocation()))
                .build();
    }

    static MatchDeclined declined(MatchRecord m, Decider by, DeclineReason reason, String note, Instant now) {
        return MatchDeclined.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setMatchId(m.matchId())
                .setNeedId(m.needId())
                .setCommunityId(m.communityId())
                .setStationId(m.stationId())
                .setOfferId(id(m, CandidateKind.OFFER))
                .setVolunteerId(id(m, CandidateKind.VOLUNTEER))
                .setCapacityId(id(m, CandidateKind.CAPACITY))
                .setDeclinedBy(by)
                .setReason(reason)
                .setNote(note)
                .build();
    }

    static MatchCompleted completed(
            MatchRecord m, int serviceMinutes, int peopleReached, Allocation delivered, Instant now) {
        return MatchCompleted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setMatchId(m.matchId())
                .setNeedId(m.needId())
                .setCommunityId(m.communityId())
                .setStationId(m.stationId())
                .setOfferId(id(m, CandidateKind.OFFER))
                .setVolunteerId(id(m, CandidateKind.VOLUNTEER))
                .setCapacityId(id(m, CandidateKind.CAPACITY))
                .setServiceMinutes(serviceMinutes)
                .setPeopleReached(peopleReached)
                .setDelivered(allocation(delivered))
                .build();
    }

    private static UUID id(MatchRecord m, CandidateKind kind) {
        return m.candidate().kind() == kind ? m.candidate().id() : null;
    }

    static TimeWindow window(Window w) {
        return w == null
                ? null
                : TimeWindow.newBuilder()
                        .setStart(Instant.ofEpochMilli(w.startMillis()))
                        .setEnd(Instant.ofEpochMilli(w.endMillis()))
                        .build();
    }

    static org.wushe.hub.events.common.Allocation allocation(Allocation a) {
        if (a == null) {
            return null;
        }
        return org.wushe.hub.events.common.Allocation.newBuilder()
                .setQuantity(
                        a.quantity() == null
                                ? null
                                : Quantity.newBuilder()
                                        .setAmount(a.quantity())
                                        .setUnit(
                                                a.unit() == null
                                                        ? org.wushe.hub.events.common.QuantityUnit.UNKNOWN
                                                        : a.unit())
                                        .build())
                .setAmountFen(a.amountFen())
                .setCapacity(a.capacity())
                .setWindow(window(a.window()))
                .build();
    }
}
