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
                                + "FROM visit v WHERE station_id = ANY (?) AND visited_at >= ? AND visited_at < ?")
                .params(ids(stations), Timestamp.from(p.start()), Timestamp.from(p.end()))
                .query()
                .singleRow();
    }

    public Map<String, Object> cases(Collection<UUID> stations, ReportPeriod p) {
        Date from = Date.valueOf(p.from());
        Date to = Date.valueOf(p.to());
        return jdbc.sql(
                        "SELECT count(DISTINCT resident_ref) FILTER (WHERE opened_on <= ? AND (closed_on IS NULL OR closed_on >= ?)) AS clients, "
                                + "count(*) FILTER (WHERE opened_on BETWEEN ? AND ?) AS opened, "
                                + "count(*) FILTER (WHERE closed_on BETWEEN ? AND ?) AS closed, "
                                + "count(*) FILTER (WHERE opened_on <= ? AND (closed_on IS NULL OR closed_on > ?)) AS open_at_end "
                                + "FROM casework WHERE station_id = ANY (?)")
                .params(to, from, from, to, from, to, to, to, ids(stations))
                .query()
                .singleRow();
    }

    public Map<String, Object> groups(Collection<UUID> stations, ReportPeriod p) {
        return jdbc.sql(
                        "SELECT count(DISTINCT s.group_id) AS groups, count(*) AS sessions, coalesce(sum(s.participant_count), 0) AS participants "
                                + "FROM group_session s JOIN work_group g ON g.id = s.group_id "
                                + "WHERE g.station_id = ANY (?) AND s.held_at >= ? AND s.held_at < ?")
                .params(ids(stations), Timestamp.from(p.start()), Timestamp.from(p.end()))
                .query()
                .singleRow();
    }

    public Map<String, Object> workers(Collection<UUID> stations, ReportPeriod p) {
        return jdbc.sql("SELECT count(*) AS workers, "
                        + "count(*) FILTER (WHERE EXISTS (SELECT 1 FROM certificate c WHERE c.social_worker_id = w.id AND c.certified_on <= ?)) AS certified, "
                        + "count(*) FILTER (WHERE trained_locally) AS trained_locally, "
                        + "count(*) FILTER (WHERE employment = 'FULL_TIME') AS full_time, count(*) FILTER (WHERE employment = 'PART_TIME') AS part_time "
                        + "FROM social_worker w WHERE station_id = ANY (?) AND created_at < ?")
                .params(Date.valueOf(p.to()), ids(stations), Timestamp.from(p.end()))
                .query()
                .singleRow();
    }

    private static UUID[] ids(Collection<UUID> stations) {
        return stations.toArray(UUID[]::new);
    }
}
