package org.wushe.hub.socialworker.grid;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.platform.core.Calendar;

/**
 * What centre reports need to know of a grid's work, written as its events arrive (one grid's events come in order:
 * they share the grid's key). Applying an event twice leaves the rows as they were.
 */
@Repository
public class GridFacts {

    private final JdbcClient jdbc;

    public GridFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void patrolled(UUID patrolId, UUID gridId, UUID communityId, LocalDate on, int households, int hazards) {
        jdbc.sql("INSERT INTO patrol_fact (patrol_id, grid_id, community_id, patrolled_on, households, hazards) "
                        + "VALUES (:patrolId, :gridId, :communityId, :on, :households, :hazards) "
                        + "ON CONFLICT (patrol_id) DO NOTHING")
                .param("patrolId", patrolId)
                .param("gridId", gridId)
                .param("communityId", communityId)
                .param("on", Date.valueOf(on))
                .param("households", households)
                .param("hazards", hazards)
                .update();
    }

    /** A finding, on its round's day when the round is known here, else on the day it was reported. */
    public void hazard(
            UUID hazardId,
            UUID patrolId,
            UUID gridId,
            UUID communityId,
            String urgency,
            UUID needId,
            Instant reportedAt) {
        LocalDate reported = LocalDate.ofInstant(reportedAt, Calendar.ZONE);
        jdbc.sql("INSERT INTO hazard_fact (hazard_id, patrol_id, grid_id, community_id, found_on, urgency, need_id) "
                        + "VALUES (:hazardId, :patrolId, :gridId, :communityId, "
                        + "coalesce((SELECT patrolled_on FROM patrol_fact WHERE patrol_id = :patrolId), :reported), "
                        + ":urgency, :needId) ON CONFLICT (hazard_id) DO NOTHING")
                .param("hazardId", hazardId)
                .param("patrolId", patrolId)
                .param("gridId", gridId)
                .param("communityId", communityId)
                .param("reported", Date.valueOf(reported))
                .param("urgency", urgency)
                .param("needId", needId)
                .update();
    }

    /**
     * CareVisitDue SCHEDULED: the plan's next due day. When its last visit moved on, that is a visit, on time when on or
     * before the due day in force until then.
     */
    public void scheduled(UUID planId, UUID gridId, UUID communityId, LocalDate dueOn, LocalDate lastVisitedOn) {
        Optional<Schedule> before = schedule(planId);
        if (lastVisitedOn != null
                && before.map(b -> b.lastVisitedOn() == null || lastVisitedOn.isAfter(b.lastVisitedOn()))
                        .orElse(true)) {
            jdbc.sql("INSERT INTO care_visit_fact (care_plan_id, visited_on, community_id, due_on) "
                            + "VALUES (:planId, :visitedOn, :communityId, :dueOn) "
                            + "ON CONFLICT (care_plan_id, visited_on) DO NOTHING")
                    .param("planId", planId)
                    .param("visitedOn", Date.valueOf(lastVisitedOn))
                    .param("communityId", communityId)
                    .param("dueOn", before.map(b -> Date.valueOf(b.dueOn())).orElse(null))
                    .update();
        }
        remember(planId, gridId, communityId, dueOn, lastVisitedOn);
    }

    /** CareVisitDue OVERDUE: the due day passed without a visit (announced once per due day). */
    public void overdue(UUID planId, UUID gridId, UUID communityId, LocalDate dueOn, LocalDate lastVisitedOn) {
        jdbc.sql(
                        "INSERT INTO care_overdue_fact (care_plan_id, due_on, community_id) VALUES (:planId, :dueOn, :communityId) "
                                + "ON CONFLICT (care_plan_id, due_on) DO NOTHING")
                .param("planId", planId)
                .param("dueOn", Date.valueOf(dueOn))
                .param("communityId", communityId)
                .update();
        remember(planId, gridId, communityId, dueOn, lastVisitedOn);
    }

    private record Schedule(LocalDate dueOn, LocalDate lastVisitedOn) {}

    private Optional<Schedule> schedule(UUID planId) {
        return jdbc.sql("SELECT due_on, last_visited_on FROM care_plan_fact WHERE care_plan_id = :planId FOR UPDATE")
                .param("planId", planId)
                .query((rs, i) -> new Schedule(
                        rs.getDate("due_on").toLocalDate(),
                        rs.getDate("last_visited_on") == null
                                ? null
                                : rs.getDate("last_visited_on").toLocalDate()))
                .optional();
    }

    private void remember(UUID planId, UUID gridId, UUID communityId, LocalDate dueOn, LocalDate lastVisitedOn) {
        jdbc.sql(
                        "INSERT INTO care_plan_fact (care_plan_id, grid_id, community_id, due_on, last_visited_on) "
                                + "VALUES (:planId, :gridId, :communityId, :dueOn, :lastVisitedOn) "
                                + "ON CONFLICT (care_plan_id) DO UPDATE SET grid_id = excluded.grid_id, community_id = excluded.community_id, "
                                + "due_on = excluded.due_on, last_visited_on = greatest(care_plan_fact.last_visited_on, excluded.last_visited_on)")
                .param("planId", planId)
                .param("gridId", gridId)
                .param("communityId", communityId)
                .param("dueOn", Date.valueOf(dueOn))
                .param("lastVisitedOn", lastVisitedOn == null ? null : Date.valueOf(lastVisitedOn))
                .update();
    }
}
