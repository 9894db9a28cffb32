package org.wushe.hub.socialworker.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counting queries of station reports, over this service's own tables. */
@Repository
public class ReportRepository {

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Object> visits(Collection<UUID> stations, ReportPeriod p) {
        return jdbc.sql(
                        "SELECT count(*) FILTER (WHERE kind = 'PHONE') AS phone, count(*) FILTER (WHERE kind = 'HOME') AS home, "
                                + "count(*) FILTER (WHERE outcome = 'NOT_REACHED') AS not_reached, "
                                + "count(*) FILTER (WHERE EXISTS (SELECT 1 FROM raised_need n WHERE n.visit_id = v.id)) AS needs "
                                + "FROM visit v WHERE station_id = ANY (:stations) AND visited_at >= :start AND visited_at < :end")
                .param("stations", ids(stations))
                .param("start", Timestamp.from(p.start()))
                .param("end", Timestamp.from(p.end()))
                .query()
                .singleRow();
    }

    public Map<String, Object> cases(Collection<UUID> stations, ReportPeriod p) {
        return jdbc.sql("SELECT count(DISTINCT resident_ref) "
                        + "FILTER (WHERE opened_on <= :to AND (closed_on IS NULL OR closed_on >= :from)) AS clients, "
                        + "count(*) FILTER (WHERE opened_on BETWEEN :from AND :to) AS opened, "
                        + "count(*) FILTER (WHERE closed_on BETWEEN :from AND :to) AS closed, "
                        + "count(*) FILTER (WHERE opened_on <= :to AND (closed_on IS NULL OR closed_on > :to)) AS open_at_end "
                        + "FROM casework WHERE station_id = ANY (:stations)")
                .param("from", Date.valueOf(p.from()))
                .param("to", Date.valueOf(p.to()))
                .param("stations", ids(stations))
                .query()
                .singleRow();
    }

    public Map<String, Object> groups(Collection<UUID> stations, ReportPeriod p) {
        return jdbc.sql(
                        "SELECT count(DISTINCT s.group_id) AS groups, count(*) AS sessions, coalesce(sum(s.participant_count), 0) AS participants "
                                + "FROM group_session s JOIN work_group g ON g.id = s.group_id "
                                + "WHERE g.station_id = ANY (:stations) AND s.held_at >= :start AND s.held_at < :end")
                .param("stations", ids(stations))
                .param("start", Timestamp.from(p.start()))
                .param("end", Timestamp.from(p.end()))
                .query()
                .singleRow();
    }

    public Map<String, Object> workers(Collection<UUID> stations, ReportPeriod p) {
        return jdbc.sql("SELECT count(*) AS workers, "
                        + "count(*) FILTER (WHERE EXISTS (SELECT 1 FROM certificate c WHERE c.social_worker_id = w.id AND c.certified_on <= :to)) AS certified, "
                        + "count(*) FILTER (WHERE trained_locally) AS trained_locally, "
                        + "count(*) FILTER (WHERE employment = 'FULL_TIME') AS full_time, count(*) FILTER (WHERE employment = 'PART_TIME') AS part_time "
                        + "FROM social_worker w WHERE station_id = ANY (:stations) AND created_at < :end")
                .param("to", Date.valueOf(p.to()))
                .param("stations", ids(stations))
                .param("end", Timestamp.from(p.end()))
                .query()
                .singleRow();
    }

    /**
     * Activities starting in the period, not cancelled, that count for the stations: published by one of them or by a
     * social worker now at one of them; else, with no station, published by or held in one of the communities (so an
     * activity of a community served by two stations counts for both, and once for both together). Their attendances
     * are the check-outs of those activities.
     */
    public Map<String, Object> activities(Collection<UUID> stations, Collection<UUID> communities, ReportPeriod p) {
        return jdbc.sql("WITH a AS (SELECT f.activity_id, f.kind FROM activity_fact f "
                        + "LEFT JOIN social_worker w ON f.publisher_kind = 'SOCIAL_WORKER' AND w.id = f.publisher_id "
                        + "WHERE NOT f.cancelled AND f.starts_at >= :start AND f.starts_at < :end "
                        + "AND (coalesce(f.station_id, w.station_id) = ANY (:stations) "
                        + "OR (coalesce(f.station_id, w.station_id) IS NULL AND f.community_id = ANY (:communities)))) "
                        + "SELECT (SELECT count(*) FROM a) AS held, (SELECT count(*) FROM a WHERE kind = 'TRAINING') AS trainings, "
                        + "count(DISTINCT t.volunteer_id) AS participants, count(*) AS attendances, "
                        + "coalesce(sum(t.credited_minutes), 0) AS minutes "
                        + "FROM attendance_fact t JOIN a ON a.activity_id = t.activity_id")
                .param("stations", ids(stations))
                .param("communities", ids(communities))
                .param("start", Timestamp.from(p.start()))
                .param("end", Timestamp.from(p.end()))
                .query()
                .singleRow();
    }

    private static UUID[] ids(Collection<UUID> stations) {
        return stations.toArray(UUID[]::new);
    }
}
