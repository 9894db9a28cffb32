package org.wushe.hub.volunteer.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attendances (签到/签退), the venue codes each sign-up used, and the staff corrections of attendance times. */
@Repository
class AttendanceRepository {

    private final JdbcClient jdbc;

    AttendanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the sign-up's row (every change of its attendance holds it) and returns its status. */
    Optional<SignUp.Status> lockSignUp(UUID signUpId) {
        return jdbc.sql("SELECT status FROM sign_up WHERE id = :signUpId FOR UPDATE")
                .param("signUpId", signUpId)
                .query((rs, n) -> SignUp.Status.valueOf(rs.getString(1)))
                .optional();
    }

    Optional<Attendance> find(UUID signUpId) {
        return jdbc.sql("SELECT * FROM attendance WHERE sign_up_id = :signUpId")
                .param("signUpId", signUpId)
                .query(AttendanceRepository::map)
                .optional();
    }

    void checkIn(UUID signUpId, UUID activityId, UUID volunteerId, Instant at, String by, boolean byStaff) {
        jdbc.sql("""
                INSERT INTO attendance (sign_up_id, activity_id, volunteer_id, checked_in_at, checked_in_by, checked_in_by_staff)
                VALUES (:signUpId, :activityId, :volunteerId, :checkedInAt, :checkedInBy, :byStaff)""")
                .param("signUpId", signUpId)
                .param("activityId", activityId)
                .param("volunteerId", volunteerId)
                .param("checkedInAt", Timestamp.from(at))
                .param("checkedInBy", by)
                .param("byStaff", byStaff)
                .update();
    }

    void checkOut(UUID signUpId, Instant at, String by, boolean byStaff, int creditedMinutes) {
        jdbc.sql("""
                UPDATE attendance SET checked_out_at = :checkedOutAt, checked_out_by = :checkedOutBy, checked_out_by_staff = :byStaff,
                    credited_minutes = :creditedMinutes
                WHERE sign_up_id = :signUpId""")
                .param("checkedOutAt", Timestamp.from(at))
                .param("checkedOutBy", by)
                .param("byStaff", byStaff)
                .param("creditedMinutes", creditedMinutes)
                .param("signUpId", signUpId)
                .update();
    }

    /** The times as corrected by staff; a first check-out set by a correction counts as by staff. */
    void correct(UUID signUpId, Instant checkedIn, Instant checkedOut, String by, int creditedMinutes) {
        jdbc.sql("""
                UPDATE attendance SET checked_in_at = :checkedIn,
                    checked_out_by_staff = CASE WHEN checked_out_at IS NULL AND :checkedOut::timestamptz IS NOT NULL THEN true ELSE checked_out_by_staff END,
                    checked_out_by = CASE WHEN checked_out_at IS NULL AND :checkedOut::timestamptz IS NOT NULL THEN :by ELSE checked_out_by END,
                    checked_out_at = :checkedOut, credited_minutes = :creditedMinutes
                WHERE sign_up_id = :signUpId""")
                .param("checkedIn", Timestamp.from(checkedIn))
                .param("checkedOut", ts(checkedOut))
                .param("by", by)
                .param("creditedMinutes", creditedMinutes)
                .param("signUpId", signUpId)
                .update();
    }

    /** Records that the sign-up used the code's nonce for {@code kind}; false when it had used it already. */
    boolean useNonce(UUID signUpId, Attendance.Kind kind, String nonce, Instant at) {
        return jdbc.sql("""
                INSERT INTO venue_code_use (sign_up_id, kind, nonce, used_at) VALUES (:signUpId, :kind, :nonce, :usedAt)
                ON CONFLICT DO NOTHING""")
                        .param("signUpId", signUpId)
                        .param("kind", kind.name())
                        .param("nonce", nonce)
                        .param("usedAt", Timestamp.from(at))
                        .update()
                == 1;
    }

    void insert(Attendance.Correction c) {
        jdbc.sql("""
                INSERT INTO attendance_correction (id, sign_up_id, corrected_by, corrected_at, reason, checked_in_before, checked_in_after,
                    checked_out_before, checked_out_after, minutes_before, minutes_after)
                VALUES (:id, :signUpId, :correctedBy, :correctedAt, :reason, :checkedInBefore, :checkedInAfter,
                    :checkedOutBefore, :checkedOutAfter, :minutesBefore, :minutesAfter)""")
                .param("id", c.id())
                .param("signUpId", c.signUpId())
                .param("correctedBy", c.correctedBy())
                .param("correctedAt", Timestamp.from(c.correctedAt()))
                .param("reason", c.reason())
                .param("checkedInBefore", ts(c.checkedInBefore()))
                .param("checkedInAfter", Timestamp.from(c.checkedInAfter()))
                .param("checkedOutBefore", ts(c.checkedOutBefore()))
                .param("checkedOutAfter", ts(c.checkedOutAfter()))
                .param("minutesBefore", c.minutesBefore())
                .param("minutesAfter", c.minutesAfter())
                .update();
    }

    List<Attendance.Correction> corrections(UUID signUpId) {
        return jdbc.sql("SELECT * FROM attendance_correction WHERE sign_up_id = :signUpId ORDER BY corrected_at, id")
                .param("signUpId", signUpId)
                .query((rs, n) -> new Attendance.Correction(
                        rs.getObject("id", UUID.class),
                        rs.getObject("sign_up_id", UUID.class),
                        rs.getString("corrected_by"),
                        instant(rs, "corrected_at"),
                        rs.getString("reason"),
                        instant(rs, "checked_in_before"),
                        instant(rs, "checked_in_after"),
                        instant(rs, "checked_out_before"),
                        instant(rs, "checked_out_after"),
                        rs.getInt("minutes_before"),
                        rs.getInt("minutes_after")))
                .list();
    }

    private static Attendance map(ResultSet rs, int n) throws SQLException {
        return new Attendance(
                rs.getObject("sign_up_id", UUID.class),
                rs.getObject("activity_id", UUID.class),
                rs.getObject("volunteer_id", UUID.class),
                instant(rs, "checked_in_at"),
                rs.getString("checked_in_by"),
                rs.getBoolean("checked_in_by_staff"),
                instant(rs, "checked_out_at"),
                rs.getString("checked_out_by"),
                rs.getObject("checked_out_by_staff", Boolean.class),
                rs.getInt("credited_minutes"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
