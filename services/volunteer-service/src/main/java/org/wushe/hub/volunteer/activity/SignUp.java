package org.wushe.hub.volunteer.activity;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.volunteer.SignUpRejectReason;

/** A volunteer's sign-up (报名) for a position. PENDING and CONFIRMED hold a place; WAITLISTED waits in order of {@code seq}. */
public record SignUp(
        UUID id,
        long seq,
        UUID activityId,
        UUID positionId,
        UUID volunteerId,
        Status status,
        Instant signedUpAt,
        String signedUpBy,
        Instant decidedAt,
        SignUpRejectReason rejectReason,
        Instant movedUpAt,
        Instant endedAt,
        Instant noShowOn) {

    /** A sign-up made now ({@code at}, by {@code by}), with {@code status}: nothing decided, moved or ended yet. */
    public static SignUp made(
            UUID activityId, UUID positionId, UUID volunteerId, Status status, Instant at, String by) {
        return new SignUp(
                UUID.randomUUID(),
                0,
                activityId,
                positionId,
                volunteerId,
                status,
                at,
                by,
                null,
                null,
                null,
                null,
                null);
    }

    public enum Status {
        /** Holds a place until the organizer approves (待审核). */
        PENDING,
        /** Holds a place (已确认). */
        CONFIRMED,
        /** Waits for a place (候补), first come first served. */
        WAITLISTED,
        REJECTED,
        WITHDRAWN,
        /** Ended with its activity. */
        CANCELLED;

        public boolean live() {
            return this == PENDING || this == CONFIRMED || this == WAITLISTED;
        }

        public boolean holdsPlace() {
            return this == PENDING || this == CONFIRMED;
        }
    }
}
