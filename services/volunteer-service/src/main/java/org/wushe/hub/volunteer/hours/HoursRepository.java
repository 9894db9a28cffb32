package org.wushe.hub.volunteer.hours;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.volunteer.points.ServiceDifficulty;

@Repository
public class HoursRepository {

    private final JdbcClient jdbc;

    public HoursRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ServiceHours h) {
        jdbc.sql("""
                INSERT INTO service_hours (id, volunteer_id, minutes, source, match_id, station_id, community_id, category, difficulty,
                    served_on, logged_by, note, idempotency_key, credited_at, sign_up_id)
                VALUES (:id, :volunteerId, :minutes, :source, :matchId, :stationId, :communityId, :category, :difficulty,
                    :servedOn, :loggedBy, :note, :idempotencyKey, :creditedAt, :signUpId)""")
                .param("id", h.id())
                .param("volunteerId", h.volunteerId())
                .param("minutes", h.minutes())
                .param("source", h.source().name())
                .param("matchId", h.matchId())
                .param("stationId", h.stationId())
                .param("communityId", h.communityId())
                .param("category", h.category() == null ? null : h.category().name())
                .param("difficulty", h.difficulty().name())
                .param("servedOn", Date.valueOf(h.servedOn()))
                .param("loggedBy", h.loggedBy())
                .param("note", h.note())
                .param("idempotencyKey", h.idempotencyKey())
                .param("creditedAt", Timestamp.from(h.creditedAt()))
                .param("signUpId", h.signUpId())
                .update();
    }

    public Optional<ServiceHours> byMatch(UUID matchId) {
        return jdbc.sql("SELECT * FROM service_hours WHERE match_id = :matchId")
                .param("matchId", matchId)
                .query(HoursRepository::map)
                .optional();
    }

    public Optional<ServiceHours> byIdempotencyKey(UUID volunteerId, String key) {
        return jdbc.sql("SELECT * FROM service_hours WHERE volunteer_id = :volunteerId AND idempotency_key = :key")
                .param("volunteerId", volunteerId)
                .param("key", key)
                .query(HoursRepository::map)
                .optional();
    }

    public long totalMinutes(UUID volunteerId) {
        return jdbc.sql("SELECT coalesce(sum(minutes), 0) FROM service_hours WHERE volunteer_id = :volunteerId")
                .param("volunteerId", volunteerId)
                .query(Long.class)
                .single();
    }

    public List<ServiceHours> of(UUID volunteerId, int limit) {
        return jdbc.sql(
                        "SELECT * FROM service_hours WHERE volunteer_id = :volunteerId ORDER BY served_on DESC, credited_at DESC LIMIT :limit")
                .param("volunteerId", volunteerId)
                .param("limit", limit)
                .query(HoursRepository::map)
                .list();
    }

    private static ServiceHours map(ResultSet rs, int n) throws SQLException {
        String category = rs.getString("category");
        return new ServiceHours(
                rs.getObject("id", UUID.class),
                rs.getObject("volunteer_id", UUID.class),
                rs.getInt("minutes"),
                HoursSource.valueOf(rs.getString("source")),
                rs.getObject("match_id", UUID.class),
                rs.getObject("station_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                category == null ? null : Category.valueOf(category),
                ServiceDifficulty.valueOf(rs.getString("difficulty")),
                rs.getDate("served_on").toLocalDate(),
                rs.getString("logged_by"),
                rs.getString("note"),
                rs.getString("idempotency_key"),
                rs.getTimestamp("credited_at").toInstant(),
                rs.getObject("sign_up_id", UUID.class));
    }
}
