package org.wushe.hub.community.patrol;

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
import org.wushe.hub.events.common.Urgency;

@Repository
public class PatrolRepository {

    private static final String HAZARD =
            "id, patrol_id, household_id, grid_id, community_id, item, category, urgency, beneficiary_group, title, "
                    + "resident_id, station_id, window_end, status, need_id, reported_at, reviewed_by, reviewed_at, dismiss_reason";
    private static final String SUMMARY = "SELECT p.id, p.grid_id, p.patrolled_on, p.recorded_by, p.recorded_at, "
            + "(SELECT count(DISTINCT household_id) FROM grid_patrol_check c WHERE c.patrol_id = p.id) AS households, "
            + "(SELECT count(*) FROM grid_hazard h WHERE h.patrol_id = p.id) AS hazards FROM grid_patrol p ";

    private final JdbcClient jdbc;

    public PatrolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Patrol.Round r, List<Patrol.Check> checks) {
        jdbc.sql("INSERT INTO grid_patrol (id, grid_id, community_id, patrolled_on, recorded_by, recorded_at) "
                        + "VALUES (:id, :gridId, :communityId, :patrolledOn, :recordedBy, :recordedAt)")
                .param("id", r.id())
                .param("gridId", r.gridId())
                .param("communityId", r.communityId())
                .param("patrolledOn", r.patrolledOn())
                .param("recordedBy", r.recordedBy())
                .param("recordedAt", Timestamp.from(r.recordedAt()))
                .update();
        for (Patrol.Check c : checks) {
            jdbc.sql("INSERT INTO grid_patrol_check (patrol_id, household_id, item, ok, note) "
                            + "VALUES (:patrolId, :householdId, :item, :ok, :note)")
                    .param("patrolId", r.id())
                    .param("householdId", c.householdId())
                    .param("item", c.item().name())
                    .param("ok", c.ok())
                    .param("note", c.note())
                    .update();
        }
    }

    void insert(Patrol.Hazard h) {
        jdbc.sql("INSERT INTO grid_hazard (" + HAZARD
                        + ") VALUES (:id, :patrolId, :householdId, :gridId, :communityId, :item, :category, :urgency, "
                        + ":beneficiaryGroup, :title, :residentId, :stationId, :windowEnd, :status, :needId, :reportedAt, "
                        + ":reviewedBy, :reviewedAt, :dismissReason)")
                .param("id", h.id())
                .param("patrolId", h.patrolId())
                .param("householdId", h.householdId())
                .param("gridId", h.gridId())
                .param("communityId", h.communityId())
                .param("item", h.item().name())
                .param("category", h.category().name())
                .param("urgency", h.urgency().name())
                .param("beneficiaryGroup", h.beneficiaryGroup().name())
                .param("title", h.title())
                .param("residentId", h.residentId())
                .param("stationId", h.stationId())
                .param("windowEnd", Timestamp.from(h.windowEnd()))
                .param("status", h.status().name())
                .param("needId", h.needId())
                .param("reportedAt", Timestamp.from(h.reportedAt()))
                .param("reviewedBy", h.reviewedBy())
                .param("reviewedAt", h.reviewedAt() == null ? null : Timestamp.from(h.reviewedAt()))
                .param("dismissReason", h.dismissReason())
                .update();
    }

    void review(Patrol.Hazard h) {
        jdbc.sql("UPDATE grid_hazard SET status = :status, need_id = :needId, reviewed_by = :reviewedBy, "
                        + "reviewed_at = :reviewedAt, dismiss_reason = :dismissReason WHERE id = :id")
                .param("status", h.status().name())
                .param("needId", h.needId())
                .param("reviewedBy", h.reviewedBy())
                .param("reviewedAt", Timestamp.from(h.reviewedAt()))
                .param("dismissReason", h.dismissReason())
                .param("id", h.id())
                .update();
    }

    /** The hazard, its row locked until the transaction ends (reviews of one hazard queue). */
    Optional<Patrol.Hazard> lockHazard(UUID id) {
        return jdbc.sql("SELECT " + HAZARD + " FROM grid_hazard WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(PatrolRepository::hazard)
                .optional();
    }

    Optional<Patrol.Hazard> hazard(UUID id) {
        return jdbc.sql("SELECT " + HAZARD + " FROM grid_hazard WHERE id = :id")
                .param("id", id)
                .query(PatrolRepository::hazard)
                .optional();
    }

    List<Patrol.Hazard> hazards(String column, UUID id, Patrol.HazardStatus status) {
        return jdbc.sql("SELECT " + HAZARD + " FROM grid_hazard WHERE " + column
                        + " = :id AND (:status::text IS NULL OR status = :status) ORDER BY reported_at DESC")
                .param("id", id)
                .param("status", status == null ? null : status.name())
                .query(PatrolRepository::hazard)
                .list();
    }

    List<Patrol.Hazard> hazardsOf(UUID patrolId) {
        return hazards("patrol_id", patrolId, null);
    }

    Optional<Patrol.Round> round(UUID id) {
        return jdbc.sql(
                        "SELECT id, grid_id, community_id, patrolled_on, recorded_by, recorded_at FROM grid_patrol WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Patrol.Round(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, java.time.LocalDate.class),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .optional();
    }

    Optional<Patrol.Summary> summary(UUID id) {
        return jdbc.sql(SUMMARY + "WHERE p.id = :id")
                .param("id", id)
                .query(PatrolRepository::summary)
                .optional();
    }

    List<Patrol.Summary> summaries(UUID gridId, int limit) {
        return jdbc.sql(SUMMARY
                        + "WHERE p.grid_id = :gridId ORDER BY p.patrolled_on DESC, p.recorded_at DESC LIMIT :limit")
                .param("gridId", gridId)
                .param("limit", limit)
                .query(PatrolRepository::summary)
                .list();
    }

    List<Patrol.Check> checks(UUID patrolId) {
        return jdbc.sql(
                        "SELECT household_id, item, ok, note FROM grid_patrol_check WHERE patrol_id = :patrolId ORDER BY household_id, item")
                .param("patrolId", patrolId)
                .query((rs, n) -> new Patrol.Check(
                        rs.getObject(1, UUID.class),
                        Patrol.Item.valueOf(rs.getString(2)),
                        rs.getBoolean(3),
                        rs.getString(4)))
                .list();
    }

    private static Patrol.Summary summary(ResultSet rs, int n) throws SQLException {
        return new Patrol.Summary(
                rs.getObject("id", UUID.class),
                rs.getObject("grid_id", UUID.class),
                rs.getObject("patrolled_on", java.time.LocalDate.class),
                rs.getInt("households"),
                rs.getInt("hazards"),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private static Patrol.Hazard hazard(ResultSet rs, int n) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new Patrol.Hazard(
                rs.getObject("id", UUID.class),
                rs.getObject("patrol_id", UUID.class),
                rs.getObject("household_id", UUID.class),
                rs.getObject("grid_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                Patrol.Item.valueOf(rs.getString("item")),
                Category.valueOf(rs.getString("category")),
                Urgency.valueOf(rs.getString("urgency")),
                BeneficiaryGroup.valueOf(rs.getString("beneficiary_group")),
                rs.getString("title"),
                rs.getObject("resident_id", UUID.class),
                rs.getObject("station_id", UUID.class),
                rs.getTimestamp("window_end").toInstant(),
                Patrol.HazardStatus.valueOf(rs.getString("status")),
                rs.getObject("need_id", UUID.class),
                rs.getTimestamp("reported_at").toInstant(),
                rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant(),
                rs.getString("dismiss_reason"));
    }
}
