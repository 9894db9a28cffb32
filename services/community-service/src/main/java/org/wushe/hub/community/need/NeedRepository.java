package org.wushe.hub.community.need;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

@Repository
public class NeedRepository {

    private static final String COLUMNS =
            "id, community_id, station_id, grid_id, resident_id, resident_ref, source, category, urgency, "
                    + "beneficiary_group, beneficiary_count, title, geohash, window_start, window_end, quantity_amount, quantity_unit, skills, "
                    + "languages, estimated_minutes, status, revision, match_id, series_id, occurrence, import_job_id, import_row, visit_id, hazard_id, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public NeedRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void insertAll(List<Need> needs) {
        template.batchUpdate(
                "INSERT INTO need (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                needs.stream().map(NeedRepository::row).toList());
    }

    public Optional<Need> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM need WHERE id = ?")
                .param(id)
                .query(NeedRepository::map)
                .optional();
    }

    public Optional<Need> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM need WHERE id = ? FOR UPDATE")
                .param(id)
                .query(NeedRepository::map)
                .optional();
    }

    public void update(Need n) {
        NeedDraft d = n.details();
        jdbc.sql(
                        "UPDATE need SET station_id = ?, grid_id = ?, resident_id = ?, resident_ref = ?, source = ?, category = ?, urgency = ?, "
                                + "beneficiary_group = ?, beneficiary_count = ?, title = ?, geohash = ?, window_start = ?, window_end = ?, "
                                + "quantity_amount = ?, quantity_unit = ?, skills = ?, languages = ?, estimated_minutes = ?, status = ?, revision = ?, "
                                + "match_id = ?, updated_at = ? WHERE id = ?")
                .params(
                        d.stationId(),
                        d.gridId(),
                        d.residentId(),
                        n.residentRef(),
                        d.source().name(),
                        d.category().name(),
                        d.urgency().name(),
                        d.beneficiaryGroup().name(),
                        d.beneficiaryCount(),
                        d.title(),
                        d.geohash(),
                        Timestamp.from(d.start()),
                        Timestamp.from(d.end()),
                        d.quantityAmount(),
                        d.quantityUnit() == null ? null : d.quantityUnit().name(),
                        skills(d),
                        String.join(",", d.requiredLanguages()),
                        d.estimatedMinutes(),
                        n.status().name(),
                        n.revision(),
                        n.matchId(),
                        Timestamp.from(n.updatedAt()),
                        n.id())
                .update();
    }

    /** The need raised on this visit, if any. */
    public Optional<Need> findByVisit(UUID visitId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM need WHERE visit_id = ?")
                .param(visitId)
                .query(NeedRepository::map)
                .optional();
    }

    /** When the newest match proposal the need followed was made (the matching service's clock); null before the first. */
    public Instant lastProposalAt(UUID id) {
        Timestamp at = jdbc.sql("SELECT last_proposal_at FROM need WHERE id = ?")
                .param(id)
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        return at == null ? null : at.toInstant();
    }

    public void recordProposal(UUID id, Instant proposedAt) {
        jdbc.sql("UPDATE need SET last_proposal_at = GREATEST(last_proposal_at, ?) WHERE id = ?")
                .params(Timestamp.from(proposedAt), id)
                .update();
    }

    /** Open needs whose window ended, locked for this transaction; other instances skip them. */
    public List<Need> lockExpired(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM need WHERE status IN ('PUBLISHED', 'MATCHED', 'ACCEPTED') AND window_end <= ? "
                        + "ORDER BY window_end LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(now), limit)
                .query(NeedRepository::map)
                .list();
    }

    public record Filter(
            UUID communityId, UUID stationId, NeedStatus status, UUID seriesId, UUID importJobId, UUID visitId) {}

    /** One resident's needs (by the internal id), the newest first. */
    List<Need> ofResident(UUID residentId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM need WHERE resident_id = ? ORDER BY created_at DESC, id LIMIT ?")
                .params(residentId, limit)
                .query(NeedRepository::map)
                .list();
    }

    public List<Need> list(Filter f, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM need WHERE (?::uuid IS NULL OR community_id = ?) AND (?::uuid IS NULL OR station_id = ?) "
                        + "AND (?::text IS NULL OR status = ?) AND (?::uuid IS NULL OR series_id = ?) AND (?::uuid IS NULL OR import_job_id = ?) "
                        + "AND (?::uuid IS NULL OR visit_id = ?) "
                        + "ORDER BY created_at, import_row, occurrence, id OFFSET ? LIMIT ?")
                .params(
                        f.communityId(),
                        f.communityId(),
                        f.stationId(),
                        f.stationId(),
                        f.status() == null ? null : f.status().name(),
                        f.status() == null ? null : f.status().name(),
                        f.seriesId(),
                        f.seriesId(),
                        f.importJobId(),
                        f.importJobId(),
                        f.visitId(),
                        f.visitId(),
                        offset,
                        limit)
                .query(NeedRepository::map)
                .list();
    }

    private static Object[] row(Need n) {
        NeedDraft d = n.details();
        Need.Origin o = n.origin();
        return new Object[] {
            n.id(),
            d.communityId(),
            d.stationId(),
            d.gridId(),
            d.residentId(),
            n.residentRef(),
            d.source().name(),
            d.category().name(),
            d.urgency().name(),
            d.beneficiaryGroup().name(),
            d.beneficiaryCount(),
            d.title(),
            d.geohash(),
            Timestamp.from(d.start()),
            Timestamp.from(d.end()),
            d.quantityAmount(),
            d.quantityUnit() == null ? null : d.quantityUnit().name(),
            skills(d),
            String.join(",", d.requiredLanguages()),
            d.estimatedMinutes(),
            n.status().name(),
            n.revision(),
            n.matchId(),
            o.seriesId(),
            o.occurrence(),
            o.importJobId(),
            o.importRow(),
            o.visitId(),
            o.hazardId(),
            Timestamp.from(n.createdAt()),
            Timestamp.from(n.updatedAt())
        };
    }

    private static String skills(NeedDraft d) {
        return d.requiredSkills().stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static Need map(ResultSet rs, int row) throws SQLException {
        String unit = rs.getString("quantity_unit");
        NeedDraft d = new NeedDraft(
                rs.getObject("community_id", UUID.class),
                rs.getObject("station_id", UUID.class),
                rs.getObject("grid_id", UUID.class),
                rs.getObject("resident_id", UUID.class),
                NeedSource.valueOf(rs.getString("source")),
                Category.valueOf(rs.getString("category")),
                Urgency.valueOf(rs.getString("urgency")),
                BeneficiaryGroup.valueOf(rs.getString("beneficiary_group")),
                rs.getInt("beneficiary_count"),
                rs.getString("title"),
                rs.getString("geohash"),
                rs.getTimestamp("window_start").toInstant(),
                rs.getTimestamp("window_end").toInstant(),
                (Integer) rs.getObject("quantity_amount"),
                unit == null ? null : QuantityUnit.valueOf(unit),
                split(rs.getString("skills")).stream().map(Skill::valueOf).toList(),
                split(rs.getString("languages")),
                (Integer) rs.getObject("estimated_minutes"));
        return new Need(
                rs.getObject("id", UUID.class),
                d,
                rs.getObject("resident_ref", UUID.class),
                NeedStatus.valueOf(rs.getString("status")),
                rs.getInt("revision"),
                rs.getObject("match_id", UUID.class),
                new Need.Origin(
                        rs.getObject("series_id", UUID.class),
                        (Integer) rs.getObject("occurrence"),
                        rs.getObject("import_job_id", UUID.class),
                        (Integer) rs.getObject("import_row"),
                        rs.getObject("visit_id", UUID.class),
                        rs.getObject("hazard_id", UUID.class)),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }
}
