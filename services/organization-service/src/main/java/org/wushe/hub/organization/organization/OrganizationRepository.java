package org.wushe.hub.organization.organization;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.IncubationStage;
import org.wushe.hub.events.organization.LegalStatus;
import org.wushe.hub.events.organization.OrganizationKind;

@Repository
public class OrganizationRepository {

    private static final String COLUMNS =
            "id, name, kind, legal_status, credit_code, stage, hub, hub_organization_id, community_id, "
                    + "district_code, street_code, geohash, service_categories, monthly_service_capacity, created_at, updated_at, centre_id";

    /** Filters of the list; null means any. */
    public record Filter(
            OrganizationKind kind, IncubationStage stage, Boolean hub, UUID hubOrganizationId, String districtCode) {}

    private final JdbcClient jdbc;

    public OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Organization o) {
        jdbc.sql("INSERT INTO organization (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?)")
                .params(
                        o.id(),
                        o.name(),
                        o.kind().name(),
                        o.legalStatus().name(),
                        o.unifiedSocialCreditCode(),
                        o.stage().name(),
                        o.hub(),
                        o.hubOrganizationId(),
                        o.communityId(),
                        o.districtCode(),
                        o.streetCode(),
                        o.geohash(),
                        o.serviceCategories().stream().map(Enum::name).toArray(String[]::new),
                        o.monthlyServiceCapacity(),
                        Timestamp.from(o.createdAt()),
                        Timestamp.from(o.updatedAt()),
                        o.centreId())
                .update();
    }

    /** The incubation state; the rest of an organization does not change here. */
    public void updateIncubation(Organization o) {
        jdbc.sql("UPDATE organization SET stage = ?, hub = ?, hub_organization_id = ?, updated_at = ? WHERE id = ?")
                .params(o.stage().name(), o.hub(), o.hubOrganizationId(), Timestamp.from(o.updatedAt()), o.id())
                .update();
    }

    public Optional<Organization> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = ?")
                .param(id)
                .query(OrganizationRepository::map)
                .optional();
    }

    /** The row locked until the transaction ends, so that concurrent changes of one organization queue up. */
    public Optional<Organization> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = ? FOR UPDATE")
                .param(id)
                .query(OrganizationRepository::map)
                .optional();
    }

    /** The row share-locked: it cannot change (e.g. stop being a hub) until the transaction ends. */
    public Optional<Organization> findForShare(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = ? FOR SHARE")
                .param(id)
                .query(OrganizationRepository::map)
                .optional();
    }

    public boolean nameTaken(String districtCode, String name) {
        return jdbc.sql("SELECT count(*) FROM organization WHERE district_code = ? AND name = ?")
                        .params(districtCode, name)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public boolean creditCodeTaken(String code) {
        return jdbc.sql("SELECT count(*) FROM organization WHERE credit_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Organizations a hub incubates now. */
    public int countIncubatedBy(UUID hubId) {
        return jdbc.sql("SELECT count(*) FROM organization WHERE hub_organization_id = ?")
                .param(hubId)
                .query(Integer.class)
                .single();
    }

    public List<Organization> list(Filter f, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM organization WHERE (?::text IS NULL OR kind = ?) AND (?::text IS NULL OR stage = ?) "
                        + "AND (?::boolean IS NULL OR hub = ?) AND (?::uuid IS NULL OR hub_organization_id = ?) "
                        + "AND (?::text IS NULL OR district_code = ?) ORDER BY name, id OFFSET ? LIMIT ?")
                .params(
                        name(f.kind()),
                        name(f.kind()),
                        name(f.stage()),
                        name(f.stage()),
                        f.hub(),
                        f.hub(),
                        f.hubOrganizationId(),
                        f.hubOrganizationId(),
                        f.districtCode(),
                        f.districtCode(),
                        offset,
                        limit)
                .query(OrganizationRepository::map)
                .list();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                OrganizationKind.valueOf(rs.getString("kind")),
                LegalStatus.valueOf(rs.getString("legal_status")),
                rs.getString("credit_code"),
                IncubationStage.valueOf(rs.getString("stage")),
                rs.getBoolean("hub"),
                rs.getObject("hub_organization_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getString("district_code"),
                rs.getString("street_code"),
                rs.getString("geohash"),
                enums(rs.getArray("service_categories"), Category.class),
                (Integer) rs.getObject("monthly_service_capacity"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getObject("centre_id", UUID.class));
    }

    static <E extends Enum<E>> List<E> enums(Array array, Class<E> type) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((String[]) array.getArray())
                .map(s -> Enum.valueOf(type, s))
                .toList();
    }
}
