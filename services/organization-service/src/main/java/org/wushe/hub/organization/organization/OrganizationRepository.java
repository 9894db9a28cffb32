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
                        + ") VALUES (:id, :name, :kind, :legal_status, :credit_code, :stage, :hub, :hub_organization_id, "
                        + ":community_id, :district_code, :street_code, :geohash, CAST(:service_categories AS text[]), "
                        + ":monthly_service_capacity, :created_at, :updated_at, :centre_id)")
                .param("id", o.id())
                .param("name", o.name())
                .param("kind", o.kind().name())
                .param("legal_status", o.legalStatus().name())
                .param("credit_code", o.unifiedSocialCreditCode())
                .param("stage", o.stage().name())
                .param("hub", o.hub())
                .param("hub_organization_id", o.hubOrganizationId())
                .param("community_id", o.communityId())
                .param("district_code", o.districtCode())
                .param("street_code", o.streetCode())
                .param("geohash", o.geohash())
                .param(
                        "service_categories",
                        o.serviceCategories().stream().map(Enum::name).toArray(String[]::new))
                .param("monthly_service_capacity", o.monthlyServiceCapacity())
                .param("created_at", Timestamp.from(o.createdAt()))
                .param("updated_at", Timestamp.from(o.updatedAt()))
                .param("centre_id", o.centreId())
                .update();
    }

    /** The incubation state; the rest of an organization does not change here. */
    public void updateIncubation(Organization o) {
        jdbc.sql("UPDATE organization SET stage = :stage, hub = :hub, hub_organization_id = :hub_organization_id, "
                        + "updated_at = :updated_at WHERE id = :id")
                .param("stage", o.stage().name())
                .param("hub", o.hub())
                .param("hub_organization_id", o.hubOrganizationId())
                .param("updated_at", Timestamp.from(o.updatedAt()))
                .param("id", o.id())
                .update();
    }

    public Optional<Organization> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = :id")
                .param("id", id)
                .query(OrganizationRepository::map)
                .optional();
    }

    /** The row locked until the transaction ends, so that concurrent changes of one organization queue up. */
    public Optional<Organization> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(OrganizationRepository::map)
                .optional();
    }

    /** The row share-locked: it cannot change (e.g. stop being a hub) until the transaction ends. */
    public Optional<Organization> findForShare(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = :id FOR SHARE")
                .param("id", id)
                .query(OrganizationRepository::map)
                .optional();
    }

    public boolean nameTaken(String districtCode, String name) {
        return jdbc.sql("SELECT count(*) FROM organization WHERE district_code = :district_code AND name = :name")
                        .param("district_code", districtCode)
                        .param("name", name)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public boolean creditCodeTaken(String code) {
        return jdbc.sql("SELECT count(*) FROM organization WHERE credit_code = :credit_code")
                        .param("credit_code", code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Organizations a hub incubates now. */
    public int countIncubatedBy(UUID hubId) {
        return jdbc.sql("SELECT count(*) FROM organization WHERE hub_organization_id = :hub_organization_id")
                .param("hub_organization_id", hubId)
                .query(Integer.class)
                .single();
    }

    public List<Organization> list(Filter f, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM organization WHERE (CAST(:kind AS text) IS NULL OR kind = :kind) "
                        + "AND (CAST(:stage AS text) IS NULL OR stage = :stage) "
                        + "AND (CAST(:hub AS boolean) IS NULL OR hub = :hub) "
                        + "AND (CAST(:hub_organization_id AS uuid) IS NULL OR hub_organization_id = :hub_organization_id) "
                        + "AND (CAST(:district_code AS text) IS NULL OR district_code = :district_code) "
                        + "ORDER BY name, id OFFSET :offset LIMIT :limit")
                .param("kind", name(f.kind()))
                .param("stage", name(f.stage()))
                .param("hub", f.hub())
                .param("hub_organization_id", f.hubOrganizationId())
                .param("district_code", f.districtCode())
                .param("offset", offset)
                .param("limit", limit)
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
