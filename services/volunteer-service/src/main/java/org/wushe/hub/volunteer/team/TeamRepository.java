package org.wushe.hub.volunteer.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TeamRepository {

    private final JdbcClient jdbc;

    public TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Team t) {
        jdbc.sql("INSERT INTO team (id, parent_id, name, purpose, community_id, organization_id, created_at) "
                        + "VALUES (:id, :parentId, :name, :purpose, :communityId, :organizationId, :createdAt)")
                .param("id", t.id())
                .param("parentId", t.parentId())
                .param("name", t.name())
                .param("purpose", t.purpose())
                .param("communityId", t.communityId())
                .param("organizationId", t.organizationId())
                .param("createdAt", Timestamp.from(t.createdAt()))
                .update();
    }

    public boolean nameTaken(UUID parentId, UUID communityId, String name) {
        String sql = parentId == null
                ? "SELECT count(*) FROM team WHERE parent_id IS NULL AND name = :name AND community_id IS NOT DISTINCT FROM CAST(:community AS uuid)"
                : "SELECT count(*) FROM team WHERE parent_id = :parent AND name = :name";
        var spec = jdbc.sql(sql).param("name", name);
        spec = parentId == null ? spec.param("community", communityId) : spec.param("parent", parentId);
        return spec.query(Long.class).single() > 0;
    }

    public Optional<Team> find(UUID id) {
        return jdbc.sql("SELECT * FROM team WHERE id = :id")
                .param("id", id)
                .query(TeamRepository::map)
                .optional();
    }

    public List<Team> subTeams(UUID parentId) {
        return jdbc.sql("SELECT * FROM team WHERE parent_id = :parentId ORDER BY name")
                .param("parentId", parentId)
                .query(TeamRepository::map)
                .list();
    }

    public List<Team> topLevel(UUID communityId) {
        return jdbc.sql(
                        "SELECT * FROM team WHERE parent_id IS NULL AND (CAST(:community AS uuid) IS NULL OR community_id = :community) ORDER BY name")
                .param("community", communityId)
                .query(TeamRepository::map)
                .list();
    }

    public long memberCount(UUID teamId) {
        return jdbc.sql("SELECT count(*) FROM team_member WHERE team_id = :teamId")
                .param("teamId", teamId)
                .query(Long.class)
                .single();
    }

    /** Adds the volunteer or changes their role; true if they were not a member before. */
    public boolean putMember(UUID teamId, UUID volunteerId, TeamRole role, Instant now) {
        boolean isNew =
                jdbc.sql("SELECT count(*) FROM team_member WHERE team_id = :teamId AND volunteer_id = :volunteerId")
                                .param("teamId", teamId)
                                .param("volunteerId", volunteerId)
                                .query(Long.class)
                                .single()
                        == 0;
        jdbc.sql(
                        "INSERT INTO team_member (team_id, volunteer_id, role, joined_at) VALUES (:teamId, :volunteerId, :role, :joinedAt) "
                                + "ON CONFLICT (team_id, volunteer_id) DO UPDATE SET role = EXCLUDED.role")
                .param("teamId", teamId)
                .param("volunteerId", volunteerId)
                .param("role", role.name())
                .param("joinedAt", Timestamp.from(now))
                .update();
        return isNew;
    }

    /** Ends every membership of the volunteer; how many there were. */
    public int removeFromAll(UUID volunteerId) {
        return jdbc.sql("DELETE FROM team_member WHERE volunteer_id = :volunteerId")
                .param("volunteerId", volunteerId)
                .update();
    }

    public boolean removeMember(UUID teamId, UUID volunteerId) {
        return jdbc.sql("DELETE FROM team_member WHERE team_id = :teamId AND volunteer_id = :volunteerId")
                        .param("teamId", teamId)
                        .param("volunteerId", volunteerId)
                        .update()
                == 1;
    }

    /** A member of a team: who (the volunteer id), their role and since when; their name is read with GET /volunteers/{id}. */
    public record Member(UUID volunteerId, TeamRole role, Instant joinedAt) {}

    public List<Member> members(UUID teamId) {
        return jdbc.sql("SELECT m.volunteer_id, m.role, m.joined_at FROM team_member m "
                        + "WHERE m.team_id = :teamId ORDER BY m.role, m.joined_at")
                .param("teamId", teamId)
                .query((rs, n) -> new Member(
                        rs.getObject("volunteer_id", UUID.class),
                        TeamRole.valueOf(rs.getString("role")),
                        rs.getTimestamp("joined_at").toInstant()))
                .list();
    }

    public List<Membership> membershipsOf(UUID volunteerId) {
        return jdbc.sql(
                        "SELECT t.id, t.name, t.parent_id, m.role, m.joined_at FROM team_member m JOIN team t ON t.id = m.team_id "
                                + "WHERE m.volunteer_id = :volunteerId ORDER BY m.joined_at, t.name")
                .param("volunteerId", volunteerId)
                .query((rs, n) -> new Membership(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("parent_id", UUID.class),
                        TeamRole.valueOf(rs.getString("role")),
                        rs.getTimestamp("joined_at").toInstant()))
                .list();
    }

    private static Team map(ResultSet rs, int n) throws SQLException {
        return new Team(
                rs.getObject("id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                rs.getString("name"),
                rs.getString("purpose"),
                rs.getObject("community_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
