package org.wushe.hub.community.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.community.CommunityKind;

@Repository
public class CommunityRepository {

    private static final String COLUMNS =
            "id, name, kind, district_code, street_code, geohash, grid_count, household_count, resident_count, created_at";

    private final JdbcClient jdbc;

    public CommunityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Community c) {
        jdbc.sql("INSERT INTO community (" + COLUMNS + ") VALUES (:id, :name, :kind, :districtCode, :streetCode, "
                        + ":geohash, :gridCount, :householdCount, :residentCount, :createdAt)")
                .param("id", c.id())
                .param("name", c.name())
                .param("kind", c.kind().name())
                .param("districtCode", c.districtCode())
                .param("streetCode", c.streetCode())
                .param("geohash", c.geohash())
                .param("gridCount", c.gridCount())
                .param("householdCount", c.householdCount())
                .param("residentCount", c.residentCount())
                .param("createdAt", Timestamp.from(c.createdAt()))
                .update();
    }

    public Optional<Community> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM community WHERE id = :id")
                .param("id", id)
                .query(CommunityRepository::map)
                .optional();
    }

    public List<Community> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM community WHERE id = ANY (:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(CommunityRepository::map)
                .list();
    }

    public List<Community> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM community WHERE name = :name ORDER BY created_at")
                .param("name", name)
                .query(CommunityRepository::map)
                .list();
    }

    public boolean nameTaken(String districtCode, String name) {
        return jdbc.sql("SELECT count(*) FROM community WHERE district_code = :districtCode AND name = :name")
                        .param("districtCode", districtCode)
                        .param("name", name)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public List<Community> list(String districtCode, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM community WHERE (:districtCode::text IS NULL OR district_code = :districtCode) "
                        + "ORDER BY name, id OFFSET :offset LIMIT :limit")
                .param("districtCode", districtCode)
                .param("offset", offset)
                .param("limit", limit)
                .query(CommunityRepository::map)
                .list();
    }

    static Community map(ResultSet rs, int row) throws SQLException {
        return new Community(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                CommunityKind.valueOf(rs.getString("kind")),
                rs.getString("district_code"),
                rs.getString("street_code"),
                rs.getString("geohash"),
                (Integer) rs.getObject("grid_count"),
                (Integer) rs.getObject("household_count"),
                (Integer) rs.getObject("resident_count"),
                rs.getTimestamp("created_at").toInstant());
    }
}
