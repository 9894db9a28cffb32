package org.wushe.hub.socialworker.visit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.socialworker.VisitKind;
import org.wushe.hub.events.socialworker.VisitOutcome;
import org.wushe.hub.socialworker.notes.NoteSeal;

@Repository
public class VisitRepository {

    private static final String SELECT =
            "SELECT v.id, v.social_worker_id, v.station_id, v.community_id, v.resident_ref, v.case_id, v.kind, "
                    + "v.outcome, v.visited_at, v.minutes, v.notes_sealed, v.created_at, n.event_id, n.category, n.urgency, n.beneficiary_group, "
                    + "n.beneficiary_count, n.title, n.grid_id, n.geohash, n.window_start, n.window_end, n.quantity_amount, n.quantity_unit, "
                    + "n.required_skills, n.required_languages, n.estimated_minutes FROM visit v LEFT JOIN raised_need n ON n.visit_id = v.id ";

    public record Filter(UUID socialWorkerId, UUID stationId, UUID residentRef, Instant from, Instant to) {}

    private final JdbcClient jdbc;
    private final NoteSeal seal;

    public VisitRepository(JdbcClient jdbc, NoteSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    public void insert(Visit v) {
        jdbc.sql(
                        "INSERT INTO visit (id, social_worker_id, station_id, community_id, resident_ref, case_id, kind, outcome, visited_at, "
                                + "minutes, notes_sealed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        v.id(),
                        v.socialWorkerId(),
                        v.stationId(),
                        v.communityId(),
                        v.residentRef(),
                        v.caseId(),
                        v.kind().name(),
                        v.outcome().name(),
                        Timestamp.from(v.visitedAt()),
                        v.minutes(),
                        seal.seal(NoteSeal.Place.VISIT, v.id(), v.notes()),
                        Timestamp.from(v.createdAt()))
                .update();
        Visit.RaisedNeed n = v.raisedNeed();
        if (n != null) {
            jdbc.sql(
                            "INSERT INTO raised_need (visit_id, event_id, category, urgency, beneficiary_group, beneficiary_count, title, grid_id, "
                                    + "geohash, window_start, window_end, quantity_amount, quantity_unit, required_skills, required_languages, "
                                    + "estimated_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?)")
                    .params(
                            v.id(),
                            n.eventId(),
                            n.category().name(),
                            n.urgency().name(),
                            n.beneficiaryGroup().name(),
                            n.beneficiaryCount(),
                            n.title(),
                            n.gridId(),
                            n.geohash(),
                            Timestamp.from(n.start()),
                            Timestamp.from(n.end()),
                            n.quantityAmount(),
                            n.quantityUnit() == null ? null : n.quantityUnit().name(),
                            n.requiredSkills().stream().map(Enum::name).toArray(String[]::new),
                            n.requiredLanguages().toArray(String[]::new),
                            n.estimatedMinutes())
                    .update();
        }
    }

    public Optional<Visit> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE v.id = ?").param(id).query(this::map).optional();
    }

    public List<Visit> list(Filter f, int offset, int limit) {
        return jdbc.sql(
                        SELECT
                                + "WHERE (?::uuid IS NULL OR v.social_worker_id = ?) AND (?::uuid IS NULL OR v.station_id = ?) "
                                + "AND (?::uuid IS NULL OR v.resident_ref = ?) AND (?::timestamptz IS NULL OR v.visited_at >= ?) "
                                + "AND (?::timestamptz IS NULL OR v.visited_at < ?) ORDER BY v.visited_at DESC, v.id OFFSET ? LIMIT ?")
                .params(
                        f.socialWorkerId(),
                        f.socialWorkerId(),
                        f.stationId(),
                        f.stationId(),
                        f.residentRef(),
                        f.residentRef(),
                        ts(f.from()),
                        ts(f.from()),
                        ts(f.to()),
                        ts(f.to()),
                        offset,
                        limit)
                .query(this::map)
                .list();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** A visit with its notes opened (sealed at rest). */
    Visit map(ResultSet rs, int row) throws SQLException {
        Visit.RaisedNeed need = null;
        if (rs.getObject("event_id") != null) {
            String unit = rs.getString("quantity_unit");
            need = new Visit.RaisedNeed(
                    rs.getObject("event_id", UUID.class),
                    Category.valueOf(rs.getString("category")),
                    Urgency.valueOf(rs.getString("urgency")),
                    BeneficiaryGroup.valueOf(rs.getString("beneficiary_group")),
                    rs.getInt("beneficiary_count"),
                    rs.getString("title"),
                    rs.getObject("grid_id", UUID.class),
                    rs.getString("geohash"),
                    rs.getTimestamp("window_start").toInstant(),
                    rs.getTimestamp("window_end").toInstant(),
                    (Integer) rs.getObject("quantity_amount"),
                    unit == null ? null : QuantityUnit.valueOf(unit),
                    strings(rs.getArray("required_skills")).stream()
                            .map(Skill::valueOf)
                            .toList(),
                    strings(rs.getArray("required_languages")),
                    (Integer) rs.getObject("estimated_minutes"));
        }
        return new Visit(
                rs.getObject("id", UUID.class),
                rs.getObject("social_worker_id", UUID.class),
                rs.getObject("station_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getObject("resident_ref", UUID.class),
                rs.getObject("case_id", UUID.class),
                VisitKind.valueOf(rs.getString("kind")),
                VisitOutcome.valueOf(rs.getString("outcome")),
                rs.getTimestamp("visited_at").toInstant(),
                (Integer) rs.getObject("minutes"),
                seal.open(NoteSeal.Place.VISIT, rs.getObject("id", UUID.class), rs.getBytes("notes_sealed")),
                need,
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
