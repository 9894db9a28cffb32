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
        jdbc.sql("INSERT INTO project (" + COLUMNS + ") VALUES (:id, :organization_id, :title, :goal, :category, "
                        + ":beneficiary_group, :target_people, :starts_on, :ends_on, :budget_fen, :served_community_ids, :geohash, "
                        + ":status, :outcome, :closed_on, :people_reached, :created_at, :updated_at)")
                .param("id", p.id())
                .param("organization_id", p.organizationId())
                .param("title", p.title())
                .param("goal", p.goal())
                .param("category", p.category().name())
                .param("beneficiary_group", p.beneficiaryGroup().name())
                .param("target_people", p.targetPeople())
                .param("starts_on", Date.valueOf(p.startsOn()))
                .param("ends_on", Date.valueOf(p.endsOn()))
                .param("budget_fen", p.budgetFen())
                .param("served_community_ids", p.servedCommunityIds().toArray(UUID[]::new)) // one array value
                .param("geohash", p.geohash())
                .param("status", p.status().name())
                .param("outcome", null) // a project is opened, not yet closed
                .param("closed_on", null)
                .param("people_reached", null)
                .param("created_at", Timestamp.from(p.createdAt()))
                .param("updated_at", Timestamp.from(p.updatedAt()))
                .update();
    }

    public void close(Project p) {
        jdbc.sql("UPDATE project SET status = :status, outcome = :outcome, closed_on = :closed_on, "
                        + "people_reached = :people_reached, updated_at = :updated_at WHERE id = :id")
                .param("status", p.status().name())
                .param("outcome", p.outcome().name())
                .param("closed_on", Date.valueOf(p.closedOn()))
                .param("people_reached", p.peopleReached())
                .param("updated_at", Timestamp.from(p.updatedAt()))
                .param("id", p.id())
                .update();
    }

    public void insertGrant(UUID projectId, Project.Grant g, java.time.Instant at) {
        jdbc.sql("INSERT INTO project_grant (id, project_id, programme, funder, amount_fen, awarded_on, created_at) "
                        + "VALUES (:id, :project_id, :programme, :funder, :amount_fen, :awarded_on, :created_at)")
                .param("id", g.id())
                .param("project_id", projectId)
                .param("programme", g.programme())
                .param("funder", g.funder())
                .param("amount_fen", g.amountFen())
                .param("awarded_on", Date.valueOf(g.awardedOn()))
                .param("created_at", Timestamp.from(at))
                .update();
    }

    public Optional<Project> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public Optional<Project> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public List<Project> byOrganization(UUID organizationId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM project WHERE organization_id = :organization_id ORDER BY starts_on, id")
                .param("organization_id", organizationId)
                .query(this::map)
                .list();
    }

    private List<Project.Grant> grants(UUID projectId) {
        return jdbc.sql(
                        "SELECT id, programme, funder, amount_fen, awarded_on FROM project_grant WHERE project_id = :project_id ORDER BY awarded_on, created_at")
                .param("project_id", projectId)
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
