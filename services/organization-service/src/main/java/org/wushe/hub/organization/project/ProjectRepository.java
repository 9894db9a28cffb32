package org.wushe.hub.organization.project;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.organization.ProjectOutcome;

@Repository
public class ProjectRepository {

    private static final String COLUMNS =
            "id, organization_id, title, goal, category, beneficiary_group, target_people, starts_on, ends_on, "
                    + "budget_fen, served_community_ids, geohash, status, outcome, closed_on, people_reached, created_at, updated_at";

    private final JdbcClient jdbc;

    public ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Project p) {
        jdbc.sql("INSERT INTO project (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        p.id(),
                        p.organizationId(),
                        p.title(),
                        p.goal(),
                        p.category().name(),
                        p.beneficiaryGroup().name(),
                        p.targetPeople(),
                        Date.valueOf(p.startsOn()),
                        Date.valueOf(p.endsOn()),
                        p.budgetFen(),
                        p.servedCommunityIds().toArray(UUID[]::new),
                        p.geohash(),
                        p.status().name(),
                        null,
                        null,
                        null,
                        Timestamp.from(p.createdAt()),
                        Timestamp.from(p.updatedAt()))
                .update();
    }

    public void close(Project p) {
        jdbc.sql(
                        "UPDATE project SET status = ?, outcome = ?, closed_on = ?, people_reached = ?, updated_at = ? WHERE id = ?")
                .params(
                        p.status().name(),
                        p.outcome().name(),
                        Date.valueOf(p.closedOn()),
                        p.peopleReached(),
                        Timestamp.from(p.updatedAt()),
                        p.id())
                .update();
    }

    public void insertGrant(UUID projectId, Project.Grant g, java.time.Instant at) {
        jdbc.sql(
                        "INSERT INTO project_grant (id, project_id, programme, funder, amount_fen, awarded_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        g.id(),
                        projectId,
                        g.programme(),
                        g.funder(),
                        g.amountFen(),
                        Date.valueOf(g.awardedOn()),
                        Timestamp.from(at))
                .update();
    }

    public Optional<Project> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    public Optional<Project> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE id = ? FOR UPDATE")
                .param(id)
                .query(this::map)
                .optional();
    }

    public List<Project> byOrganization(UUID organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE organization_id = ? ORDER BY starts_on, id")
                .param(organizationId)
                .query(this::map)
                .list();
    }

    private List<Project.Grant> grants(UUID projectId) {
        return jdbc.sql(
                        "SELECT id, programme, funder, amount_fen, awarded_on FROM project_grant WHERE project_id = ? ORDER BY awarded_on, created_at")
                .param(projectId)
                .query((rs, row) -> new Project.Grant(
                        rs.getObject("id", UUID.class),
                        rs.getString("programme"),
                        rs.getString("funder"),
                        rs.getLong("amount_fen"),
                        rs.getDate("awarded_on").toLocalDate()))
                .list();
    }

    private Project map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String outcome = rs.getString("outcome");
        Date closedOn = rs.getDate("closed_on");
        return new Project(
                id,
                rs.getObject("organization_id", UUID.class),
                rs.getString("title"),
                rs.getString("goal"),
                Category.valueOf(rs.getString("category")),
                BeneficiaryGroup.valueOf(rs.getString("beneficiary_group")),
                (Integer) rs.getObject("target_people"),
                rs.getDate("starts_on").toLocalDate(),
                rs.getDate("ends_on").toLocalDate(),
                (Long) rs.getObject("budget_fen"),
                List.copyOf(Arrays.asList(
                        (UUID[]) rs.getArray("served_community_ids").getArray())),
                rs.getString("geohash"),
                Project.Status.valueOf(rs.getString("status")),
                outcome == null ? null : ProjectOutcome.valueOf(outcome),
                closedOn == null ? null : closedOn.toLocalDate(),
                (Integer) rs.getObject("people_reached"),
                grants(id),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
