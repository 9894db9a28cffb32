package org.wushe.hub.volunteer.hours.export;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The service hours credited at a station in a period, one record per activity sign-up (its check-out credit and
 * every correction's, summed) or per credit of a match or hand-logged hours; and the access log rows an export writes.
 */
@Repository
class HoursExportRepository {

    /** One service record as stored: the volunteer's details still sealed. */
    record StoredRecord(
            UUID volunteerId,
            byte[] nameSealed,
            byte[] idNumberSealed,
            boolean erased,
            long minutes,
            String source,
            LocalDate servedOn,
            Instant checkedInAt,
            Instant checkedOutAt,
            String activityTitle,
            String category,
            String note) {}

    private final JdbcClient jdbc;

    HoursExportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The records of station {@code :station} whose day of service is in {@code [from, to]}: an activity's entries are
     * grouped by sign-up (a correction taking hours back is a negative entry), records worth nothing in all are left
     * out; in the order of the day of service, the check-in and the volunteer.
     */
    List<StoredRecord> records(UUID station, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT h.volunteer_id, v.name_sealed, v.id_number_sealed, v.erased_at IS NOT NULL AS erased,
                               sum(h.minutes) AS minutes, min(h.source) AS source, min(h.served_on) AS served_on,
                               min(att.checked_in_at) AS checked_in_at, min(att.checked_out_at) AS checked_out_at,
                               min(a.title) AS title, min(h.category) AS category, min(h.note) AS note
                          FROM service_hours h
                          JOIN volunteer v ON v.id = h.volunteer_id
                          LEFT JOIN sign_up s ON s.id = h.sign_up_id
                          LEFT JOIN activity a ON a.id = s.activity_id
                          LEFT JOIN attendance att ON att.sign_up_id = h.sign_up_id
                         WHERE h.station_id = :station
                         GROUP BY coalesce(h.sign_up_id, h.id), h.volunteer_id, v.name_sealed, v.id_number_sealed, v.erased_at
                        HAVING sum(h.minutes) > 0 AND min(h.served_on) BETWEEN :from AND :to
                         ORDER BY min(h.served_on), min(att.checked_in_at) NULLS LAST, h.volunteer_id, min(h.credited_at)""")
                .param("station", station)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> {
                    Timestamp in = rs.getTimestamp("checked_in_at");
                    Timestamp out = rs.getTimestamp("checked_out_at");
                    return new StoredRecord(
                            rs.getObject("volunteer_id", UUID.class),
                            rs.getBytes("name_sealed"),
                            rs.getBytes("id_number_sealed"),
                            rs.getBoolean("erased"),
                            rs.getLong("minutes"),
                            rs.getString("source"),
                            rs.getDate("served_on").toLocalDate(),
                            in == null ? null : in.toInstant(),
                            out == null ? null : out.toInstant(),
                            rs.getString("title"),
                            rs.getString("category"),
                            rs.getString("note"));
                })
                .list();
    }
}
