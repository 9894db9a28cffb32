package org.wushe.hub.socialworker.group;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.socialworker.notes.NoteSeal;

@Repository
public class GroupRepository {

    private static final String COLUMNS =
            "id, social_worker_id, station_id, community_id, title, category, beneficiary_group, planned_sessions, created_at";

    private final JdbcClient jdbc;
    private final NoteSeal seal;

    public GroupRepository(JdbcClient jdbc, NoteSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    public void insert(WorkGroup g) {
        jdbc.sql("INSERT INTO work_group (" + COLUMNS + ") VALUES (:id, :socialWorkerId, :stationId, :communityId, "
                        + ":title, :category, :beneficiaryGroup, :plannedSessions, :createdAt)")
                .param("id", g.id())
                .param("socialWorkerId", g.socialWorkerId())
                .param("stationId", g.stationId())
                .param("communityId", g.communityId())
                .param("title", g.title())
                .param("category", g.category().name())
                .param("beneficiaryGroup", g.beneficiaryGroup().name())
                .param("plannedSessions", g.plannedSessions())
                .param("createdAt", Timestamp.from(g.createdAt()))
                .update();
    }

    public void insertSession(UUID groupId, WorkGroup.Session s) {
        jdbc.sql(
                        "INSERT INTO group_session (id, group_id, session_number, held_at, minutes, participant_count, "
                                + "notes_sealed) VALUES (:id, :groupId, :sessionNumber, :heldAt, :minutes, :participantCount, :notes)")
                .param("id", s.id())
                .param("groupId", groupId)
                .param("sessionNumber", s.sessionNumber())
                .param("heldAt", Timestamp.from(s.heldAt()))
                .param("minutes", s.minutes())
                .param("participantCount", s.participantCount())
                .param("notes", seal.seal(NoteSeal.Place.GROUP_SESSION, s.id(), s.notes()))
                .update();
    }

    public Optional<WorkGroup> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM work_group WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public Optional<WorkGroup> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM work_group WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public List<WorkGroup> list(UUID stationId, UUID socialWorkerId, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM work_group WHERE (:stationId::uuid IS NULL OR station_id = :stationId) "
                        + "AND (:socialWorkerId::uuid IS NULL OR social_worker_id = :socialWorkerId) "
                        + "ORDER BY created_at DESC, id OFFSET :offset LIMIT :limit")
                .param("stationId", stationId)
                .param("socialWorkerId", socialWorkerId)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** The sessions as a group shows them to anyone: without their notes. */
    private List<WorkGroup.Session> sessions(UUID groupId) {
        return sessions(groupId, false);
    }

    /** The sessions with their notes opened (sealed at rest): only for the readers GroupService lets through. */
    public List<WorkGroup.Session> sessionsWithNotes(UUID groupId) {
        return sessions(groupId, true);
    }

    private List<WorkGroup.Session> sessions(UUID groupId, boolean notes) {
        return jdbc.sql(
                        "SELECT id, session_number, held_at, minutes, participant_count, notes_sealed FROM group_session WHERE group_id = :groupId "
                                + "ORDER BY session_number")
                .param("groupId", groupId)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new WorkGroup.Session(
                            id,
                            rs.getInt("session_number"),
                            rs.getTimestamp("held_at").toInstant(),
                            (Integer) rs.getObject("minutes"),
                            rs.getInt("participant_count"),
                            notes ? seal.open(NoteSeal.Place.GROUP_SESSION, id, rs.getBytes("notes_sealed")) : null);
                })
                .list();
    }

    private WorkGroup map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new WorkGroup(
                id,
                rs.getObject("social_worker_id", UUID.class),
                rs.getObject("station_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getString("title"),
                Category.valueOf(rs.getString("category")),
                BeneficiaryGroup.valueOf(rs.getString("beneficiary_group")),
                (Integer) rs.getObject("planned_sessions"),
                sessions(id),
                rs.getTimestamp("created_at").toInstant());
    }
}
