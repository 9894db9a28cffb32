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
                        "INSERT INTO visit (id, social_worker_id, station_id, community_id, resident_ref, case_id, kind, "
                                + "outcome, visited_at, minutes, notes_sealed, created_at) VALUES (:id, :socialWorkerId, :stationId, "
                                + ":communityId, :residentRef, :caseId, :kind, :outcome, :visitedAt, :minutes, :notes, :createdAt)")
                .param("id", v.id())
                .param("socialWorkerId", v.socialWorkerId())
                .param("stationId", v.stationId())
                .param("communityId", v.communityId())
                .param("residentRef", v.residentRef())
                .param("caseId", v.caseId())
                .param("kind", v.kind().name())
                .param("outcome", v.outcome().name())
                .param("visitedAt", Timestamp.from(v.visitedAt()))
                .param("minutes", v.minutes())
                .param("notes", seal.seal(NoteSeal.Place.VISIT, v.id(), v.notes()))
                .param("createdAt", Timestamp.from(v.createdAt()))
                .update();
        Visit.RaisedNeed n = v.raisedNeed();
        if (n != null) {
            jdbc.sql("INSERT INTO raised_need (visit_id, event_id, category, urgency, beneficiary_group, "
                            + "beneficiary_count, title, grid_id, geohash, window_start, window_end, quantity_amount, "
                            + "quantity_unit, required_skills, required_languages, estimated_minutes) VALUES (:visitId, "
                            + ":eventId, :category, :urgency, :beneficiaryGroup, :beneficiaryCount, :title, :gridId, "
                            + ":geohash, :start, :end, :quantityAmount, :quantityUnit, :skills::text[], :languages::text[], "
                            + ":estimatedMinutes)")
                    .param("visitId", v.id())
                    .param("eventId", n.eventId())
                    .param("category", n.category().name())
                    .param("urgency", n.urgency().name())
                    .param("beneficiaryGroup", n.beneficiaryGroup().name())
                    .param("beneficiaryCount", n.beneficiaryCount())
                    .param("title", n.title())
                    .param("gridId", n.gridId())
                    .param("geohash", n.geohash())
                    .param("start", Timestamp.from(n.start()))
                    .param("end", Timestamp.from(n.end()))
                    .param("quantityAmount", n.quantityAmount())
                    .param(
                            "quantityUnit",
                            n.quantityUnit() == null ? null : n.quantityUnit().name())
                    .param("skills", n.requiredSkills().stream().map(Enum::name).toArray(String[]::new))
                    .param("languages", n.requiredLanguages().toArray(String[]::new))
                    .param("estimatedMinutes", n.estimatedMinutes())
                    .update();
        }
    }

    public Optional<Visit> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE v.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public List<Visit> list(Filter f, int offset, int limit) {
        return jdbc.sql(SELECT
                        + "WHERE (:socialWorkerId::uuid IS NULL OR v.social_worker_id = :socialWorkerId) "
                        + "AND (:stationId::uuid IS NULL OR v.station_id = :stationId) "
                        + "AND (:residentRef::uuid IS NULL OR v.resident_ref = :residentRef) "
                        + "AND (:from::timestamptz IS NULL OR v.visited_at >= :from) "
                        + "AND (:to::timestamptz IS NULL OR v.visited_at < :to) "
                        + "ORDER BY v.visited_at DESC, v.id OFFSET :offset LIMIT :limit")
                .param("socialWorkerId", f.socialWorkerId())
                .param("stationId", f.stationId())
                .param("residentRef", f.residentRef())
                .param("from", ts(f.from()))
                .param("to", ts(f.to()))
                .param("offset", offset)
                .param("limit", limit)
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
