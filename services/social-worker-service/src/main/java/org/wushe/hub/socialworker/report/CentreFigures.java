package org.wushe.hub.socialworker.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counting queries of centre reports over the facts kept from other services' events (need_fact,
 * match_fact, hours_credit, points_award; patrol_fact, hazard_fact, care_visit_fact, care_overdue_fact,
 * wish_fact, rating_fact, follow_up_fact). Each query groups by report row and, in the same pass, for
 * the whole centre ({@code GROUPING SETS}), so the totals' medians are over all needs, not an average
 * of the rows'. Rows are given as station → row: every station of the centre, mapped to the row it
 * counts in. Results are keyed by row, the totals by {@link #TOTAL}.
 */
@Repository
public class CentreFigures {

    /** The key of the totals in every result. */
    public static final UUID TOTAL = new UUID(0, 0);

    /** Station → row, from the parameters {@code :stations} and {@code :rows} ({@link #rowMap}). */
    private static final String ROWS =
            "rowmap AS (SELECT * FROM unnest(:stations::uuid[], :rows::uuid[]) AS r(station_id, row_id))";

    /** Needs of a row: counts and the raw percentiles in minutes (null when nothing was timed). */
    public record NeedFigures(
            int published,
            int matched,
            int accepted,
            int fulfilled,
            int cancelled,
            int expired,
            int proposalTimed,
            Double proposalMedian,
            Double proposalP90,
            int fulfilmentTimed,
            Double fulfilmentMedian,
            Double fulfilmentP90) {
        static final NeedFigures NONE = new NeedFigures(0, 0, 0, 0, 0, 0, 0, null, null, 0, null, null);
    }

    /** Hours and points of a row. */
    public record CreditFigures(long minutes, long points) {
        static final CreditFigures NONE = new CreditFigures(0, 0);
    }

    /** Grid work and residents' wishes of a row, counted by community. */
    public record CommunityFigures(
            int patrols,
            int hazardsFound,
            int hazardsFixed,
            int careVisits,
            int careVisitsOnTime,
            int careVisitsLate,
            int careVisitsOverdue,
            int wishesSubmitted,
            int wishesFulfilled) {
        static final CommunityFigures NONE = new CommunityFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Ratings of a row's stations (count, mean stars, null without any) and their follow-ups. */
    public record RatingFigures(int ratings, Double meanStars, int followUpsAsked, int followUpsDone) {
        static final RatingFigures NONE = new RatingFigures(0, null, 0, 0);
    }

    private final JdbcClient jdbc;

    public CentreFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<UUID, NeedFigures> needs(Map<UUID, UUID> rowOfStation, ReportPeriod p) {
        Map<UUID, NeedFigures> out = new HashMap<>();
        jdbc.sql("WITH period AS (SELECT :start::timestamptz AS s, :end::timestamptz AS e), " + ROWS + ", "
                        + "f AS (SELECT r.row_id, "
                        + "n.published_at >= period.s AND n.published_at < period.e AS published, "
                        + "n.first_proposed_at >= period.s AND n.first_proposed_at < period.e AS matched, "
                        + "n.first_accepted_at >= period.s AND n.first_accepted_at < period.e AS accepted, "
                        + "n.fulfilled_at >= period.s AND n.fulfilled_at < period.e AS fulfilled, "
                        + "n.closed_at >= period.s AND n.closed_at < period.e AND n.closed_outcome = 'CANCELLED' AS cancelled, "
                        + "n.closed_at >= period.s AND n.closed_at < period.e AND n.closed_outcome = 'EXPIRED' AS expired, "
                        // Clocks of two services may differ a little: a proposal never counts as made before its need.
                        + "CASE WHEN n.published_at IS NOT NULL AND n.first_proposed_at IS NOT NULL "
                        + "THEN greatest(0, extract(epoch FROM n.first_proposed_at - n.published_at))::float8 / 60 END AS to_proposal, "
                        + "CASE WHEN n.published_at IS NOT NULL AND n.fulfilled_at IS NOT NULL "
                        + "THEN greatest(0, extract(epoch FROM n.fulfilled_at - n.published_at))::float8 / 60 END AS to_fulfilment "
                        + "FROM need_fact n JOIN rowmap r ON r.station_id = n.station_id CROSS JOIN period) "
                        + "SELECT row_id, GROUPING(row_id) = 1 AS total, "
                        + "count(*) FILTER (WHERE published) AS published, count(*) FILTER (WHERE matched) AS matched, "
                        + "count(*) FILTER (WHERE accepted) AS accepted, count(*) FILTER (WHERE fulfilled) AS fulfilled, "
                        + "count(*) FILTER (WHERE cancelled) AS cancelled, count(*) FILTER (WHERE expired) AS expired, "
                        + "count(to_proposal) FILTER (WHERE matched) AS proposal_timed, "
                        + "percentile_cont(0.5) WITHIN GROUP (ORDER BY to_proposal) FILTER (WHERE matched) AS proposal_p50, "
                        + "percentile_cont(0.9) WITHIN GROUP (ORDER BY to_proposal) FILTER (WHERE matched) AS proposal_p90, "
                        + "count(to_fulfilment) FILTER (WHERE fulfilled) AS fulfilment_timed, "
                        + "percentile_cont(0.5) WITHIN GROUP (ORDER BY to_fulfilment) FILTER (WHERE fulfilled) AS fulfilment_p50, "
                        + "percentile_cont(0.9) WITHIN GROUP (ORDER BY to_fulfilment) FILTER (WHERE fulfilled) AS fulfilment_p90 "
                        + "FROM f GROUP BY GROUPING SETS ((row_id), ())")
                .param("start", Timestamp.from(p.start()))
                .param("end", Timestamp.from(p.end()))
                .params(rowMap(rowOfStation))
                .query(rs -> {
                    out.put(
                            key(rs),
                            new NeedFigures(
                                    rs.getInt("published"),
                                    rs.getInt("matched"),
                                    rs.getInt("accepted"),
                                    rs.getInt("fulfilled"),
                                    rs.getInt("cancelled"),
                                    rs.getInt("expired"),
                                    rs.getInt("proposal_timed"),
                                    real(rs, "proposal_p50"),
                                    real(rs, "proposal_p90"),
                                    rs.getInt("fulfilment_timed"),
                                    real(rs, "fulfilment_p50"),
                                    real(rs, "fulfilment_p90")));
                });
        return out;
    }

    /**
     * Minutes served on the period's days and points awarded in it, by the station of the hours: the
     * credit's own station, else its match's. Points count through the hours credit that earned them;
     * points with no such credit known here belong to no station.
     */
    public Map<UUID, CreditFigures> credits(Map<UUID, UUID> rowOfStation, ReportPeriod p) {
        Map<UUID, CreditFigures> out = new HashMap<>();
        // Each branch is cut to the period first (by its index), then placed at its station.
        jdbc.sql("WITH " + ROWS + ", "
                        + "c AS (SELECT coalesce(h.station_id, m.station_id) AS station_id, h.minutes, 0 AS points "
                        + "FROM hours_credit h LEFT JOIN match_fact m ON m.match_id = h.match_id WHERE h.served_on BETWEEN :from AND :to "
                        + "UNION ALL SELECT coalesce(h.station_id, m.station_id), 0, a.points FROM points_award a "
                        + "JOIN hours_credit h ON h.credit_id = a.credit_id LEFT JOIN match_fact m ON m.match_id = h.match_id "
                        + "WHERE a.awarded_at >= :start AND a.awarded_at < :end) "
                        + "SELECT r.row_id, GROUPING(r.row_id) = 1 AS total, coalesce(sum(c.minutes), 0) AS minutes, "
                        + "coalesce(sum(c.points), 0) AS points "
                        + "FROM c JOIN rowmap r ON r.station_id = c.station_id GROUP BY GROUPING SETS ((r.row_id), ())")
                .params(rowMap(rowOfStation))
                .param("from", Date.valueOf(p.from()))
                .param("to", Date.valueOf(p.to()))
                .param("start", Timestamp.from(p.start()))
                .param("end", Timestamp.from(p.end()))
                .query(rs -> {
                    out.put(key(rs), new CreditFigures(rs.getLong("minutes"), rs.getLong("points")));
                });
        return out;
    }

    /**
     * Grid work and residents' wishes by community: the events name a community, not a station, so each counts in
     * every row whose stations serve its community ({@code rowOfCommunity}: pairs of community and row, a community in
     * several rows as several pairs), and once in the totals. Patrols by their day; hazards found on their round's
     * day; a hazard is fixed when the need raised from it (HazardReported's needId when urgent, else NeedPublished's
     * hazardId after the community's review) is fulfilled in the period, counted in the hazard's community; wishes fulfilled
     * are micro-wish needs (MICRO_WISH) fulfilled, in the need's community; care visits by the day visited, on time when on or
     * before the due day then in force, late after it; overdue by the first day past a due day without a visit.
     */
    public Map<UUID, CommunityFigures> communities(List<UUID[]> rowOfCommunity, ReportPeriod p) {
        UUID[] communities = rowOfCommunity.stream().map(pair -> pair[0]).toArray(UUID[]::new);
        UUID[] rows = rowOfCommunity.stream().map(pair -> pair[1]).toArray(UUID[]::new);
        Map<UUID, CommunityFigures> out = new HashMap<>();
        jdbc.sql(
                        "WITH rowmap AS (SELECT * FROM unnest(:communities::uuid[], :rows::uuid[]) AS r(community_id, row_id)), "
                                + "g AS (SELECT 'patrol' AS kind, patrol_id::text AS id, community_id FROM patrol_fact WHERE patrolled_on BETWEEN :from AND :to "
                                + "UNION ALL SELECT 'hazard', hazard_id::text, community_id FROM hazard_fact WHERE found_on BETWEEN :from AND :to "
                                + "UNION ALL SELECT 'fixed', h.hazard_id::text, h.community_id FROM hazard_fact h "
                                + "JOIN need_fact n ON n.need_id = h.need_id OR n.hazard_id = h.hazard_id WHERE n.fulfilled_at >= :start AND n.fulfilled_at < :end "
                                + "UNION ALL SELECT 'wish_fulfilled', n.need_id::text, n.community_id "
                                + "FROM need_fact n WHERE n.source = 'MICRO_WISH' AND n.fulfilled_at >= :start AND n.fulfilled_at < :end "
                                + "UNION ALL SELECT CASE WHEN v.due_on IS NULL THEN 'visit' WHEN v.visited_on <= v.due_on THEN 'on_time' ELSE 'late' END, "
                                + "v.care_plan_id || '/' || v.visited_on, v.community_id FROM care_visit_fact v WHERE v.visited_on BETWEEN :from AND :to "
                                + "UNION ALL SELECT 'overdue', o.care_plan_id || '/' || o.due_on, o.community_id FROM care_overdue_fact o "
                                + "WHERE o.due_on BETWEEN :from::date - 1 AND :to::date - 1 "
                                + "UNION ALL SELECT 'wish', wish_id::text, community_id FROM wish_fact WHERE submitted_at >= :start AND submitted_at < :end) "
                                + "SELECT r.row_id, GROUPING(r.row_id) = 1 AS total, "
                                + "count(DISTINCT g.id) FILTER (WHERE g.kind = 'patrol') AS patrols, "
                                + "count(DISTINCT g.id) FILTER (WHERE g.kind = 'hazard') AS hazards, "
                                + "count(DISTINCT g.id) FILTER (WHERE g.kind = 'fixed') AS fixed, "
                                + "count(DISTINCT g.id) FILTER (WHERE g.kind IN ('visit', 'on_time', 'late')) AS visits, "
                                + "count(DISTINCT g.id) FILTER (WHERE g.kind = 'on_time') AS on_time, "
                                + "count(DISTINCT g.id) FILTER (WHERE g.kind = 'late') AS late, "
                                + "count(DISTINCT g.id) FILTER (WHERE g.kind = 'overdue') AS overdue, "
                                + "count(DISTINCT g.id) FILTER (WHERE g.kind = 'wish') AS wishes, "
                                + "count(DISTINCT g.id) FILTER (WHERE g.kind = 'wish_fulfilled') AS wishes_fulfilled "
                                + "FROM g JOIN rowmap r ON r.community_id = g.community_id GROUP BY GROUPING SETS ((r.row_id), ())")
                .param("communities", communities)
                .param("rows", rows)
                .param("from", Date.valueOf(p.from()))
                .param("to", Date.valueOf(p.to()))
                .param("start", Timestamp.from(p.start()))
                .param("end", Timestamp.from(p.end()))
                .query(rs -> {
                    out.put(
                            key(rs),
                            new CommunityFigures(
                                    rs.getInt("patrols"),
                                    rs.getInt("hazards"),
                                    rs.getInt("fixed"),
                                    rs.getInt("visits"),
                                    rs.getInt("on_time"),
                                    rs.getInt("late"),
                                    rs.getInt("overdue"),
                                    rs.getInt("wishes"),
                                    rs.getInt("wishes_fulfilled")));
                });
        return out;
    }

    /**
     * Ratings given in the period at the row's stations (ServiceRated names the need's station): how many, their mean,
     * how many asked for a follow-up visit; and the follow-ups recorded in the period.
     */
    public Map<UUID, RatingFigures> ratings(Map<UUID, UUID> rowOfStation, ReportPeriod p) {
        Map<UUID, RatingFigures> out = new HashMap<>();
        jdbc.sql("WITH " + ROWS + ", "
                        + "f AS (SELECT station_id, stars, follow_up_opened, false AS follow_up FROM rating_fact WHERE rated_at >= :start AND rated_at < :end "
                        + "UNION ALL SELECT station_id, NULL, false, true FROM follow_up_fact WHERE recorded_at >= :start AND recorded_at < :end) "
                        + "SELECT r.row_id, GROUPING(r.row_id) = 1 AS total, count(f.stars) AS ratings, avg(f.stars)::float8 AS mean_stars, "
                        + "count(*) FILTER (WHERE f.follow_up_opened) AS asked, count(*) FILTER (WHERE f.follow_up) AS done "
                        + "FROM f JOIN rowmap r ON r.station_id = f.station_id GROUP BY GROUPING SETS ((r.row_id), ())")
                .params(rowMap(rowOfStation))
                .param("start", Timestamp.from(p.start()))
                .param("end", Timestamp.from(p.end()))
                .query(rs -> {
                    out.put(
                            key(rs),
                            new RatingFigures(
                                    rs.getInt("ratings"),
                                    real(rs, "mean_stars"),
                                    rs.getInt("asked"),
                                    rs.getInt("done")));
                });
        return out;
    }

    public static CommunityFigures communitiesOf(Map<UUID, CommunityFigures> figures, UUID row) {
        return figures.getOrDefault(row, CommunityFigures.NONE);
    }

    public static RatingFigures ratingsOf(Map<UUID, RatingFigures> figures, UUID row) {
        return figures.getOrDefault(row, RatingFigures.NONE);
    }

    public static NeedFigures needsOf(Map<UUID, NeedFigures> figures, UUID row) {
        return figures.getOrDefault(row, NeedFigures.NONE);
    }

    public static CreditFigures creditsOf(Map<UUID, CreditFigures> figures, UUID row) {
        return figures.getOrDefault(row, CreditFigures.NONE);
    }

    private static UUID key(ResultSet rs) throws SQLException {
        return rs.getBoolean("total") ? TOTAL : rs.getObject("row_id", UUID.class);
    }

    private static Double real(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** The two arrays of {@code rowmap}, station and row at the same index: the parameters {@code :stations}, {@code :rows}. */
    private static Map<String, Object> rowMap(Map<UUID, UUID> rowOfStation) {
        UUID[] stations = new UUID[rowOfStation.size()];
        UUID[] rows = new UUID[rowOfStation.size()];
        int i = 0;
        for (Map.Entry<UUID, UUID> e : rowOfStation.entrySet()) {
            stations[i] = e.getKey();
            rows[i++] = e.getValue();
        }
        return Map.of("stations", stations, "rows", rows);
    }
}
