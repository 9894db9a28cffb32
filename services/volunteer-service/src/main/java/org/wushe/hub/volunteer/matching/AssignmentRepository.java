package org.wushe.hub.volunteer.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AssignmentRepository {

    private final JdbcClient jdbc;

    public AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void accepted(Assignment a) {
        jdbc.sql("""
                INSERT INTO assignment (match_id, volunteer_id, need_id, community_id, station_id, scheduled_start, scheduled_end,
                    status, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACCEPTED', ?)
                ON CONFLICT (match_id) DO NOTHING""")
                .params(a.matchId(), a.volunteerId(), a.needId(), a.communityId(), a.stationId(), ts(a.scheduledStart()),
                        ts(a.scheduledEnd()), ts(a.acceptedAt()))
                .update();
    }

    /** Marks the match completed; a completion without an earlier acceptance is recorded as well. */
    public void completed(UUID matchId, UUID volunteerId, UUID needId, UUID communityId, UUID stationId, Instant at) {
        jdbc.sql("""
                INSERT INTO assignment (match_id, volunteer_id, need_id, community_id, station_id, status, completed_at)
                VALUES (?, ?, ?, ?, ?, 'COMPLETED', ?)
                ON CONFLICT (match_id) DO UPDATE SET status = 'COMPLETED', completed_at = EXCLUDED.completed_at""")
                .params(matchId, volunteerId, needId, communityId, stationId, ts(at)).update();
    }

    public List<Assignment> of(UUID volunteerId, int limit) {
        return jdbc.sql("SELECT * FROM assignment WHERE volunteer_id = ? ORDER BY coalesce(scheduled_start, accepted_at, completed_at) DESC LIMIT ?")
                .params(volunteerId, limit).query(AssignmentRepository::map).list();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Assignment map(ResultSet rs, int n) throws SQLException {
        return new Assignment(rs.getObject("match_id", UUID.class), rs.getObject("volunteer_id", UUID.class),
                rs.getObject("need_id", UUID.class), rs.getObject("community_id", UUID.class), rs.getObject("station_id", UUID.class),
                instant(rs.getTimestamp("scheduled_start")), instant(rs.getTimestamp("scheduled_end")),
                Assignment.Status.valueOf(rs.getString("status")), instant(rs.getTimestamp("accepted_at")),
                instant(rs.getTimestamp("completed_at")));
    }
}
