package org.wushe.hub.socialworker.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counting queries of centre reports over the facts kept from other services' events (need_fact,
 * match_fact, hours_credit, points_award). Each query groups by report row and, in the same pass, for
 * the whole centre ({@code GROUPING SETS}), so the totals' medians are over all needs, not an average
 * of the rows'. Rows are given as station → row: every station of the centre, mapped to the row it
 * counts in. Results are keyed by row, the totals by {@link #TOTAL}.
 */
@Repository
public class CentreFigures {

    /** The key of the totals in every result. */
    public static final UUID TOTAL = new UUID(0, 0);

    private static final String ROWS = "rowmap AS (SELECT * FROM unnest(?::uuid[], ?::uuid[]) AS r(station_id, row_id))";

    /** Needs of a row: counts and the raw percentiles in minutes (null when nothing was timed). */
    public record NeedFigures(int published, int matched, int accepted, int fulfilled, int cancelled, int expired,
                              int proposalTimed, Double proposalMedian, Double proposalP90,
                              int fulfilmentTimed, Double fulfilmentMedian, Double fulfilmentP90) {
        static final NeedFigures NONE = new NeedFigures(0, 0, 0, 0, 0, 0, 0, null, null, 0, null, null);
    }

    /** Hours and points of a row. */
    public record CreditFigures(long minutes, long points) {
        static final CreditFigures NONE = new CreditFigures(0, 0);
    }

    private final JdbcClient jdbc;

    public CentreFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<UUID, NeedFigures> needs(Map<UUID, UUID> rowOfStation, ReportPeriod p) {
        Object[] map = rowMap(rowOfStation);
        Map<UUID, NeedFigures> out = new HashMap<>();
        jdbc.sql("WITH period AS (SELECT ?::timestamptz AS s, ?::timestamptz AS e), " + ROWS + ", "
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
                .params(Timestamp.from(p.start()), Timestamp.from(p.end()), map[0], map[1])
                .query(rs -> {
                    out.put(key(rs), new NeedFigures(rs.getInt("published"), rs.getInt("matched"), rs.getInt("accepted"),
                            rs.getInt("fulfilled"), rs.getInt("cancelled"), rs.getInt("expired"),
                            rs.getInt("proposal_timed"), real(rs, "proposal_p50"), real(rs, "proposal_p90"),
                            rs.getInt("fulfilment_timed"), real(rs, "fulfilment_p50"), real(rs, "fulfilment_p90")));
                });
        return out;
    }

    /**
     * Minutes served on the period's days and points awarded in it, by the station of the hours: the
     * credit's own station, else its match's. Points count through the hours credit that earned them;
     * points with no such credit known here belong to no station.
     */
    public Map<UUID, CreditFigures> credits(Map<UUID, UUID> rowOfStation, ReportPeriod p) {
        Object[] map = rowMap(rowOfStation);
        Map<UUID, CreditFigures> out = new HashMap<>();
        // Each branch is cut to the period first (by its index), then placed at its station.
        jdbc.sql("WITH " + ROWS + ", "
                        + "c AS (SELECT coalesce(h.station_id, m.station_id) AS station_id, h.minutes, 0 AS points "
                        + "FROM hours_credit h LEFT JOIN match_fact m ON m.match_id = h.match_id WHERE h.served_on BETWEEN ? AND ? "
                        + "UNION ALL SELECT coalesce(h.station_id, m.station_id), 0, a.points FROM points_award a "
                        + "JOIN hours_credit h ON h.credit_id = a.credit_id LEFT JOIN match_fact m ON m.match_id = h.match_id "
                        + "WHERE a.awarded_at >= ? AND a.awarded_at < ?) "
                        + "SELECT r.row_id, GROUPING(r.row_id) = 1 AS total, coalesce(sum(c.minutes), 0) AS minutes, "
                        + "coalesce(sum(c.points), 0) AS points "
                        + "FROM c JOIN rowmap r ON r.station_id = c.station_id GROUP BY GROUPING SETS ((r.row_id), ())")
                .params(map[0], map[1], Date.valueOf(p.from()), Date.valueOf(p.to()), Timestamp.from(p.start()), Timestamp.from(p.end()))
                .query(rs -> {
                    out.put(key(rs), new CreditFigures(rs.getLong("minutes"), rs.getLong("points")));
                });
        return out;
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

    /** The two arrays of {@code rowmap}, station and row at the same index. */
    private static Object[] rowMap(Map<UUID, UUID> rowOfStation) {
        UUID[] stations = new UUID[rowOfStation.size()];
        UUID[] rows = new UUID[rowOfStation.size()];
        int i = 0;
        for (Map.Entry<UUID, UUID> e : rowOfStation.entrySet()) {
            stations[i] = e.getKey();
            rows[i++] = e.getValue();
        }
        return new Object[] {stations, rows};
    }
}
