package org.wushe.hub.community.need;

import java.time.Instant;
import java.util.UUID;

/**
 * A published need: what it asks for, where it is in its life, and where it came from (a series of
 * recurring needs, a row of an imported need list, a social worker's visit, or a grid worker's finding). {@code revision}
 * counts its events.
 */
public record Need(
        UUID id,
        NeedDraft details,
        UUID residentRef,
        NeedStatus status,
        int revision,
        UUID matchId,
        Origin origin,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Where a need came from, besides a single REST call: a recurring need, a need-list row, a social worker's visit, a
     * finding of a grid worker's patrol round.
     */
    public record Origin(
            UUID seriesId, Integer occurrence, UUID importJobId, Integer importRow, UUID visitId, UUID hazardId) {
        public static final Origin DIRECT = new Origin(null, null, null, null, null, null);

        public static Origin series(UUID seriesId, int occurrence) {
            return new Origin(seriesId, occurrence, null, null, null, null);
        }

        public static Origin imported(UUID jobId, int row) {
            return new Origin(null, null, jobId, row, null, null);
        }

        /** Raised on a visit (VisitRaisedNeed). */
        public static Origin visit(UUID visitId) {
            return new Origin(null, null, null, null, visitId, null);
        }

        /** Raised from a patrol's finding (HazardReported), urgent at once or after the community's review. */
        public static Origin hazard(UUID hazardId) {
            return new Origin(null, null, null, null, null, hazardId);
        }
    }

    Need next(NeedDraft newDetails, UUID newResidentRef, NeedStatus newStatus, UUID newMatchId, Instant at) {
        return new Need(id, newDetails, newResidentRef, newStatus, revision + 1, newMatchId, origin, createdAt, at);
    }

    /**
     * The need following a match it announces nothing about (MATCHED: the matching service's {@code MatchProposed}
     * is the event): the same revision, since no event of the need is published.
     */
    Need mirroring(NeedStatus newStatus, UUID newMatchId, Instant at) {
        return new Need(id, details, residentRef, newStatus, revision, newMatchId, origin, createdAt, at);
    }
}
