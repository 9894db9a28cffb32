package org.wushe.hub.matching.engine;

import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * Names a candidate: a volunteer by its volunteerId, an offer by its offerId, a capacity by its capacityId.
 * Ordered by kind, then id, which is the engine's tie-break between equal scores.
 */
public record CandidateRef(CandidateKind kind, UUID id) implements Comparable<CandidateRef> {

    private static final Comparator<CandidateRef> ORDER =
            Comparator.comparing(CandidateRef::kind).thenComparing(CandidateRef::id);

    public CandidateRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static CandidateRef volunteer(UUID volunteerId) {
        return new CandidateRef(CandidateKind.VOLUNTEER, volunteerId);
    }

    public static CandidateRef offer(UUID offerId) {
        return new CandidateRef(CandidateKind.OFFER, offerId);
    }

    public static CandidateRef capacity(UUID capacityId) {
        return new CandidateRef(CandidateKind.CAPACITY, capacityId);
    }

    @Override
    public int compareTo(CandidateRef other) {
        return ORDER.compare(this, other);
    }
}
