package org.wushe.hub.volunteer.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * A confirmed volunteer's attendance at an activity: check-in (签到) and, once they leave, check-out (签退), each scanned
 * by the volunteer or recorded by the organizer's staff; {@code creditedMinutes} is what the attendance is worth in all,
 * as credited (0 until checked out).
 */
public record Attendance(
        UUID signUpId,
        UUID activityId,
        UUID volunteerId,
        Instant checkedInAt,
        String checkedInBy,
        boolean checkedInByStaff,
        Instant checkedOutAt,
        String checkedOutBy,
        Boolean checkedOutByStaff,
        int creditedMinutes) {

    public enum Kind {
        CHECK_IN,
        CHECK_OUT
    }

    /** A staff correction of the times (logged, never changed): who, when, why, before and after. */
    public record Correction(
            UUID id,
            UUID signUpId,
            String correctedBy,
            Instant correctedAt,
            String reason,
            Instant checkedInBefore,
            Instant checkedInAfter,
            Instant checkedOutBefore,
            Instant checkedOutAfter,
            int minutesBefore,
            int minutesAfter) {}
}
