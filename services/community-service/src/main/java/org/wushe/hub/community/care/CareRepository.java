package org.wushe.hub.community.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CareRepository {

    private static final String PLAN =
            "id, grid_id, community_id, resident_id, household_id, risk, since, last_visited_on, next_due_on, "
                    + "overdue_announced_on, created_at, updated_at";

    private final JdbcClient jdbc;

    public CareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CarePlan p) {
        jdbc.sql(
                        "INSERT INTO grid_care_plan (" + PLAN + ") VALUES (:id, :gridId, :communityId, :residentId, "
                                + ":householdId, :risk, :since, :lastVisitedOn, :nextDueOn, :overdueAnnouncedOn, :createdAt, :updatedAt)")
                .param("id", p.id())
                .param("gridId", p.gridId())
                .param("communityId", p.communityId())
                .param("residentId", p.residentId())
                .param("householdId", p.householdId())
                .param("risk", p.risk().name())
                .param("since", p.since())
                .param("lastVisitedOn", p.lastVisitedOn())
                .param("nextDueOn", p.nextDueOn())
                .param("overdueAnnouncedOn", p.overdueAnnouncedOn())
                .param("createdAt", Timestamp.from(p.createdAt()))
                .param("updatedAt", Timestamp.from(p.updatedAt()))
                .update();
    }

    void update(CarePlan p) {
        jdbc.sql("UPDATE grid_care_plan SET grid_id = :gridId, household_id = :householdId, risk = :risk, "
                        + "since = :since, last_visited_on = :lastVisitedOn, next_due_on = :nextDueOn, "
                        + "overdue_announced_on = :overdueAnnouncedOn, updated_at = :updatedAt WHERE id = :id")
                .param("gridId", p.gridId())
                .param("householdId", p.householdId())
                .param("risk", p.risk().name())
                .param("since", p.since())
                .param("lastVisitedOn", p.lastVisitedOn())
                .param("nextDueOn", p.nextDueOn())
                .param("overdueAnnouncedOn", p.overdueAnnouncedOn())
                .param("updatedAt", Timestamp.from(p.updatedAt()))
                .param("id", p.id())
                .update();
    }

    void insert(CarePlan.Visit v) {
        jdbc.sql("INSERT INTO grid_care_visit (id, plan_id, visited_on, outcome, note, recorded_by, recorded_at) "
                        + "VALUES (:id, :planId, :visitedOn, :outcome, :note, :recordedBy, :recordedAt)")
                .param("id", v.id())
                .param("planId", v.planId())
                .param("visitedOn", v.visitedOn())
                .param("outcome", v.outcome().name())
                .param("note", v.note())
                .param("recordedBy", v.recordedBy())
                .param("recordedAt", Timestamp.from(v.recordedAt()))
                .update();
    }

    Optional<CarePlan> find(UUID id) {
        return jdbc.sql("SELECT " + PLAN + " FROM grid_care_plan WHERE id = :id")
                .param("id", id)
                .query(CareRepository::plan)
                .optional();
    }

    /** The plan, its row locked until the transaction ends (visits of one plan queue). */
    Optional<CarePlan> lock(UUID id) {
        return jdbc.sql("SELECT " + PLAN + " FROM grid_care_plan WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(CareRepository::plan)
                .optional();
    }

    Optional<CarePlan> lockOfResident(UUID residentId) {
        return jdbc.sql("SELECT " + PLAN + " FROM grid_care_plan WHERE resident_id = :residentId FOR UPDATE")
                .param("residentId", residentId)
                .query(CareRepository::plan)
                .optional();
    }

    List<CarePlan> ofGrid(UUID gridId) {
        return jdbc.sql("SELECT " + PLAN + " FROM grid_care_plan WHERE grid_id = :gridId ORDER BY next_due_on, id")
                .param("gridId", gridId)
                .query(CareRepository::plan)
                .list();
    }

    List<CarePlan> overdueOfGrid(UUID gridId, LocalDate today) {
        return jdbc.sql(
                        "SELECT " + PLAN
                                + " FROM grid_care_plan WHERE grid_id = :gridId AND next_due_on < :today ORDER BY next_due_on, id")
                .param("gridId", gridId)
                .param("today", today)
                .query(CareRepository::plan)
                .list();
    }

    List<CarePlan> overdueOfCommunities(Collection<UUID> communityIds, LocalDate today) {
        if (communityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + PLAN
                        + " FROM grid_care_plan WHERE community_id IN (:communityIds) AND next_due_on < :today "
                        + "ORDER BY next_due_on, id")
                .param("communityIds", List.copyOf(communityIds))
                .param("today", today)
                .query(CareRepository::plan)
                .list();
    }

    /** Overdue plans not yet announced as such for their current due day, locked (others running the job skip them). */
    List<CarePlan> lockUnannouncedOverdue(LocalDate today, int limit) {
        return jdbc.sql("SELECT " + PLAN
                        + " FROM grid_care_plan WHERE next_due_on < :today AND overdue_announced_on IS DISTINCT FROM next_due_on "
                        + "ORDER BY next_due_on LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("today", today)
                .param("limit", limit)
                .query(CareRepository::plan)
                .list();
    }

    void announcedOverdue(UUID id, LocalDate dueOn) {
        jdbc.sql("UPDATE grid_care_plan SET overdue_announced_on = :dueOn WHERE id = :id")
                .param("dueOn", dueOn)
                .param("id", id)
                .update();
    }

    List<CarePlan.Visit> visits(UUID planId) {
        return jdbc.sql(
                        "SELECT id, plan_id, visited_on, outcome, note, recorded_by, recorded_at FROM grid_care_visit WHERE plan_id = :planId "
                                + "ORDER BY visited_on DESC, recorded_at DESC")
                .param("planId", planId)
                .query((rs, n) -> new CarePlan.Visit(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class),
                        CareSchedule.Outcome.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    private static CarePlan plan(ResultSet rs, int n) throws SQLException {
        return new CarePlan(
                rs.getObject("id", UUID.class),
                rs.getObject("grid_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getObject("resident_id", UUID.class),
                rs.getObject("household_id", UUID.class),
                CareSchedule.Risk.valueOf(rs.getString("risk")),
                rs.getObject("since", LocalDate.class),
                rs.getObject("last_visited_on", LocalDate.class),
                rs.getObject("next_due_on", LocalDate.class),
                rs.getObject("overdue_announced_on", LocalDate.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
