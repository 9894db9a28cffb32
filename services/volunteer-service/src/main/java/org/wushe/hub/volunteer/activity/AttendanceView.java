package org.wushe.hub.volunteer.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A sign-up's attendance: its check-in and check-out, the minutes credited, and the staff corrections with their reasons. */
public record AttendanceView(
        UUID signUpId,
        UUID activityId,
        UUID positionId,
        UUID volunteerId,
        Instant checkedInAt,
        Boolean checkedInByStaff,
        Instant checkedOutAt,
        Boolean checkedOutByStaff,
        int creditedMinutes,
        double creditedHours,
        List<Attendance.Correction> corrections) {

    static AttendanceView of(SignUp s, Attendance a, List<Attendance.Correction> corrections) {
        int minutes = a == null ? 0 : a.creditedMinutes();
        return new AttendanceView(
                s.id(),
                s.activityId(),
                s.positionId(),
                s.volunteerId(),
                a == null ? null : a.checkedInAt(),
                a == null ? null : a.checkedInByStaff(),
                a == null ? null : a.checkedOutAt(),
                a == null ? null : a.checkedOutByStaff(),
                minutes,
                minutes / 60.0,
                corrections);
    }
}
