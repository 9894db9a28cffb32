package org.wushe.hub.volunteer.availability;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AvailabilityRepository {

    private final JdbcClient jdbc;

    public AvailabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the volunteer's availability as a whole. */
    public void replace(UUID volunteerId, Availability a) {
        jdbc.sql("DELETE FROM weekly_slot WHERE volunteer_id = :volunteerId")
                .param("volunteerId", volunteerId)
                .update();
        jdbc.sql("DELETE FROM one_off_window WHERE volunteer_id = :volunteerId")
                .param("volunteerId", volunteerId)
                .update();
        for (WeeklySlot s : a.weeklySlots()) {
            jdbc.sql(
                            "INSERT INTO weekly_slot (volunteer_id, day, starts, ends) VALUES (:volunteerId, :day, :starts, :ends)")
                    .param("volunteerId", volunteerId)
                    .param("day", s.day().name())
                    .param("starts", s.start())
                    .param("ends", s.end())
                    .update();
        }
        for (OneOffWindow w : a.oneOffWindows()) {
            jdbc.sql(
                            "INSERT INTO one_off_window (volunteer_id, starts_at, ends_at) VALUES (:volunteerId, :startsAt, :endsAt)")
                    .param("volunteerId", volunteerId)
                    .param("startsAt", Timestamp.from(w.start()))
                    .param("endsAt", Timestamp.from(w.end()))
                    .update();
        }
        jdbc.sql("UPDATE volunteer SET max_hours_per_week = :maxHoursPerWeek WHERE id = :volunteerId")
                .param("maxHoursPerWeek", a.maxHoursPerWeek())
                .param("volunteerId", volunteerId)
                .update();
    }

    public Availability load(UUID volunteerId) {
        List<WeeklySlot> slots = jdbc
                .sql("SELECT day, starts, ends FROM weekly_slot WHERE volunteer_id = :volunteerId")
                .param("volunteerId", volunteerId)
                .query((rs, n) -> new WeeklySlot(
                        DayOfWeek.valueOf(rs.getString("day")),
                        rs.getObject("starts", LocalTime.class),
                        rs.getObject("ends", LocalTime.class)))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(WeeklySlot::day).thenComparing(WeeklySlot::start))
                .toList();
        List<OneOffWindow> windows = jdbc.sql(
                        "SELECT starts_at, ends_at FROM one_off_window WHERE volunteer_id = :volunteerId ORDER BY starts_at")
                .param("volunteerId", volunteerId)
                .query((rs, n) -> new OneOffWindow(
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant()))
                .list();
        Integer max = jdbc.sql("SELECT max_hours_per_week FROM volunteer WHERE id = :volunteerId")
                .param("volunteerId", volunteerId)
                .query((rs, n) -> (Integer) rs.getObject("max_hours_per_week"))
                .optional()
                .orElse(null);
        return new Availability(slots, windows, max);
    }
}
