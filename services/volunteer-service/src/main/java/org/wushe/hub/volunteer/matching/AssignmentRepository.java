package org.wushe.hub.volunteer.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Our volunteers' matches. Each change is conditional on the status it moves from, so a redelivered or
 * late event never moves an assignment back (a completed one stays completed, a declined one declined).
 */
@Repository
public class AssignmentRepository {

    private final JdbcClient jdbc;

    public AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A match proposed for one of our volunteers; nothing if the match is known already. */
    public void proposed(
            UUID matchId,
            UUID volunteerId,
            UUID needId,
            UUID communityId,
            UUID stationId,
            Instant start,
            Instant end,
            Instant at) {
        jdbc.sql("""
                INSERT INTO assignment (match_id, volunteer_id, need_id, community_id, station_id, scheduled_start, scheduled_end,
                    status, proposed_at)
                VALUES (:matchId, :volunteerId, :needId, :communityId, :stationId, :start, :end, 'PROPOSED', :proposedAt)
                ON CONFLICT (match_id) DO NOTHING""")
                .param("matchId", matchId)
                .param("volunteerId", volunteerId)
                .param("needId", needId)
                .param("communityId", communityId)
                .param("stationId", stationId)
                .param("start", ts(start))
                .param("end", ts(end))
                .param("proposedAt", ts(at))
                .update();
    }

    /** Staff accepted: a proposed assignment becomes ACCEPTED; a confirmed one stays CONFIRMED, with the time of acceptance. */
    public void accepted(Assignment a) {
        jdbc.sql("""
                INSERT INTO assignment (match_id, volunteer_id, need_id, community_id, station_id, scheduled_start, scheduled_end,
                    status, accepted_at)
                VALUES (:matchId, :volunteerId, :needId, :communityId, :stationId, :scheduledStart, :scheduledEnd, 'ACCEPTED', :acceptedAt)
                ON CONFLICT (match_id) DO UPDATE SET accepted_at = EXCLUDED.accepted_at,
                    scheduled_start = coalesce(EXCLUDED.scheduled_start, assignment.scheduled_start),
                    scheduled_end = coalesce(EXCLUDED.scheduled_end, assignment.scheduled_end),
                    status = CASE WHEN assignment.status = 'PROPOSED' THEN 'ACCEPTED' ELSE assignment.status END
                WHERE assignment.status IN ('PROPOSED', 'CONFIRMED')""")
                .param("matchId", a.matchId())
                .param("volunteerId", a.volunteerId())
                .param("needId", a.needId())
                .param("communityId", a.communityId())
                .param("stationId", a.stationId())
                .param("scheduledStart", ts(a.scheduledStart()))
                .param("scheduledEnd", ts(a.scheduledEnd()))
                .param("acceptedAt", ts(a.acceptedAt()))
                .update();
    }

    /** Marks the match completed; a completion without an earlier acceptance is recorded as well. */
    public void completed(UUID matchId, UUID volunteerId, UUID needId, UUID communityId, UUID stationId, Instant at) {
        jdbc.sql("""
                INSERT INTO assignment (match_id, volunteer_id, need_id, community_id, station_id, status, completed_at)
                VALUES (:matchId, :volunteerId, :needId, :communityId, :stationId, 'COMPLETED', :completedAt)
                ON CONFLICT (match_id) DO UPDATE SET status = 'COMPLETED', completed_at = EXCLUDED.completed_at""")
                .param("matchId", matchId)
                .param("volunteerId", volunteerId)
                .param("needId", needId)
                .param("communityId", communityId)
                .param("stationId", stationId)
                .param("completedAt", ts(at))
                .update();
    }

    /** The matching service declined the match (after the volunteer, staff or the system); a completed one stays. */
    public void declinedByMatching(UUID matchId, String by, Instant at) {
        jdbc.sql("""
                UPDATE assignment SET status = 'DECLINED', declined_at = :declinedAt, declined_by = :declinedBy
                WHERE match_id = :matchId AND status IN ('PROPOSED', 'ACCEPTED', 'CONFIRMED')""")
                .param("declinedAt", ts(at))
                .param("declinedBy", by)
                .param("matchId", matchId)
                .update();
    }

    /** The assignment, locked until the transaction ends, so one volunteer's answers to it run one at a time. */
    public Optional<Assignment> lock(UUID matchId) {
        return jdbc.sql(
                        "SELECT a.*, n.geohash, n.category FROM assignment a LEFT JOIN need_category n ON n.need_id = a.need_id "
                                + "WHERE a.match_id = :matchId FOR UPDATE OF a")
                .param("matchId", matchId)
                .query(AssignmentRepository::map)
                .optional();
    }

    public void confirmed(UUID matchId, Instant at) {
        jdbc.sql("UPDATE assignment SET status = 'CONFIRMED', confirmed_at = :confirmedAt WHERE match_id = :matchId")
                .param("confirmedAt", ts(at))
                .param("matchId", matchId)
                .update();
    }

    public void declinedByVolunteer(UUID matchId, Assignment.DeclineCategory category, String reason, Instant at) {
        jdbc.sql("""
                UPDATE assignment SET status = 'DECLINED', declined_at = :declinedAt, declined_by = 'VOLUNTEER',
                    decline_category = :declineCategory, decline_reason = :declineReason WHERE match_id = :matchId""")
                .param("declinedAt", ts(at))
                .param("declineCategory", category.name())
                .param("declineReason", reason)
                .param("matchId", matchId)
                .update();
    }

    public List<Assignment> of(UUID volunteerId, int limit) {
        return jdbc.sql("""
                SELECT a.*, n.geohash, n.category FROM assignment a LEFT JOIN need_category n ON n.need_id = a.need_id
                WHERE a.volunteer_id = :volunteerId
                ORDER BY coalesce(a.scheduled_start, a.accepted_at, a.proposed_at, a.completed_at) DESC LIMIT :limit""")
                .param("volunteerId", volunteerId)
                .param("limit", limit)
                .query(AssignmentRepository::map)
                .list();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Assignment map(ResultSet rs, int n) throws SQLException {
        String category = rs.getString("decline_category");
        return new Assignment(
                rs.getObject("match_id", UUID.class),
                rs.getObject("volunteer_id", UUID.class),
                rs.getObject("need_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getObject("station_id", UUID.class),
                instant(rs.getTimestamp("scheduled_start")),
                instant(rs.getTimestamp("scheduled_end")),
                Assignment.Status.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("accepted_at")),
                instant(rs.getTimestamp("completed_at")),
                instant(rs.getTimestamp("proposed_at")),
                instant(rs.getTimestamp("confirmed_at")),
                instant(rs.getTimestamp("declined_at")),
                rs.getString("declined_by"),
                category == null ? null : Assignment.DeclineCategory.valueOf(category),
                rs.getString("decline_reason"),
                rs.getString("geohash"),
                rs.getString("category"));
    }
}
