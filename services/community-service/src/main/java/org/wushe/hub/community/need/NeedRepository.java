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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

    /** The values of {@link #COLUMNS}, each parameter named as its column. */
    private static final String VALUES =
            ":id, :community_id, :station_id, :grid_id, :resident_id, :resident_ref, :source, :category, :urgency, "
                    + ":beneficiary_group, :beneficiary_count, :title, :geohash, :window_start, :window_end, :quantity_amount, :quantity_unit, :skills, "
                    + ":languages, :estimated_minutes, :status, :revision, :match_id, :series_id, :occurrence, :import_job_id, :import_row, :visit_id, :hazard_id, :created_at, :updated_at";

    private final JdbcClient jdbc;
    /** JdbcClient has no batches: the same named parameters through the template it wraps. */
    private final NamedParameterJdbcTemplate batch;

    public NeedRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.batch = new NamedParameterJdbcTemplate(template);
    }

    public void insertAll(List<Need> needs) {
        batch.batchUpdate(
                "INSERT INTO need (" + COLUMNS + ") VALUES (" + VALUES + ")",
                needs.stream().map(NeedRepository::row).toArray(SqlParameterSource[]::new));
    }

    public Optional<Need> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM need WHERE id = :id")
                .param("id", id)
                .query(NeedRepository::map)
                .optional();
    }

    public Optional<Need> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM need WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(NeedRepository::map)
                .optional();
    }

    public void update(Need n) {
        jdbc.sql("UPDATE need SET station_id = :station_id, grid_id = :grid_id, resident_id = :resident_id, "
                        + "resident_ref = :resident_ref, source = :source, category = :category, urgency = :urgency, "
                        + "beneficiary_group = :beneficiary_group, beneficiary_count = :beneficiary_count, title = :title, "
                        + "geohash = :geohash, window_start = :window_start, window_end = :window_end, "
                        + "quantity_amount = :quantity_amount, quantity_unit = :quantity_unit, skills = :skills, "
                        + "languages = :languages, estimated_minutes = :estimated_minutes, status = :status, "
                        + "revision = :revision, match_id = :match_id, updated_at = :updated_at WHERE id = :id")
                .paramSource(row(n))
                .update();
    }

    /** The need raised on this visit, if any. */
    public Optional<Need> findByVisit(UUID visitId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM need WHERE visit_id = :visitId")
                .param("visitId", visitId)
                .query(NeedRepository::map)
                .optional();
    }

    /** When the newest match proposal the need followed was made (the matching service's clock); null before the first. */
    public Instant lastProposalAt(UUID id) {
        Timestamp at = jdbc.sql("SELECT last_proposal_at FROM need WHERE id = :id")
                .param("id", id)
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        return at == null ? null : at.toInstant();
    }

    public void recordProposal(UUID id, Instant proposedAt) {
        jdbc.sql("UPDATE need SET last_proposal_at = GREATEST(last_proposal_at, :proposedAt) WHERE id = :id")
                .param("proposedAt", Timestamp.from(proposedAt))
                .param("id", id)
                .update();
    }

    /** Open needs whose window ended, locked for this transaction; other instances skip them. */
    public List<Need> lockExpired(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM need WHERE status IN ('PUBLISHED', 'MATCHED', 'ACCEPTED') AND window_end <= :now "
                        + "ORDER BY window_end LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(NeedRepository::map)
                .list();
    }

    public record Filter(
            UUID communityId, UUID stationId, NeedStatus status, UUID seriesId, UUID importJobId, UUID visitId) {}

    /** One resident's needs (by the internal id), the newest first. */
    List<Need> ofResident(UUID residentId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM need WHERE resident_id = :residentId ORDER BY created_at DESC, id LIMIT :limit")
                .param("residentId", residentId)
                .param("limit", limit)
                .query(NeedRepository::map)
                .list();
    }

    public List<Need> list(Filter f, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM need WHERE (:communityId::uuid IS NULL OR community_id = :communityId) "
                        + "AND (:stationId::uuid IS NULL OR station_id = :stationId) "
                        + "AND (:status::text IS NULL OR status = :status) "
                        + "AND (:seriesId::uuid IS NULL OR series_id = :seriesId) "
                        + "AND (:importJobId::uuid IS NULL OR import_job_id = :importJobId) "
                        + "AND (:visitId::uuid IS NULL OR visit_id = :visitId) "
                        + "ORDER BY created_at, import_row, occurrence, id OFFSET :offset LIMIT :limit")
                .param("communityId", f.communityId())
                .param("stationId", f.stationId())
                .param("status", f.status() == null ? null : f.status().name())
                .param("seriesId", f.seriesId())
                .param("importJobId", f.importJobId())
                .param("visitId", f.visitId())
                .param("offset", offset)
                .param("limit", limit)
                .query(NeedRepository::map)
                .list();
    }

    /** The need's row: every column of {@link #COLUMNS} as a parameter of the same name. */
    private static MapSqlParameterSource row(Need n) {
        NeedDraft d = n.details();
        Need.Origin o = n.origin();
        return new MapSqlParameterSource()
                .addValue("id", n.id())
                .addValue("community_id", d.communityId())
                .addValue("station_id", d.stationId())
                .addValue("grid_id", d.gridId())
                .addValue("resident_id", d.residentId())
                .addValue("resident_ref", n.residentRef())
                .addValue("source", d.source().name())
                .addValue("category", d.category().name())
                .addValue("urgency", d.urgency().name())
                .addValue("beneficiary_group", d.beneficiaryGroup().name())
                .addValue("beneficiary_count", d.beneficiaryCount())
                .addValue("title", d.title())
                .addValue("geohash", d.geohash())
                .addValue("window_start", Timestamp.from(d.start()))
                .addValue("window_end", Timestamp.from(d.end()))
                .addValue("quantity_amount", d.quantityAmount())
                .addValue(
                        "quantity_unit",
                        d.quantityUnit() == null ? null : d.quantityUnit().name())
                .addValue("skills", skills(d))
                .addValue("languages", String.join(",", d.requiredLanguages()))
                .addValue("estimated_minutes", d.estimatedMinutes())
                .addValue("status", n.status().name())
                .addValue("revision", n.revision())
                .addValue("match_id", n.matchId())
                .addValue("series_id", o.seriesId())
                .addValue("occurrence", o.occurrence())
                .addValue("import_job_id", o.importJobId())
                .addValue("import_row", o.importRow())
                .addValue("visit_id", o.visitId())
                .addValue("hazard_id", o.hazardId())
                .addValue("created_at", Timestamp.from(n.createdAt()))
                .addValue("updated_at", Timestamp.from(n.updatedAt()));
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
