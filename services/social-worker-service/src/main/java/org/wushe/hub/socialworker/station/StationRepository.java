package org.wushe.hub.socialworker.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.community.StationLevel;

@Repository
public class StationRepository {

    private static final String COLUMNS =
            "id, name, level, parent_id, community_id, served_community_ids, district_code, street_code, geohash, registered_at";

    private final JdbcClient jdbc;

    public StationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest registration wins; a redelivered one changes nothing. */
    public void upsert(Station s) {
        jdbc.sql("INSERT INTO station (" + COLUMNS
                        + ") VALUES (:id, :name, :level, :parentId, :communityId, :servedCommunityIds, :districtCode, "
                        + ":streetCode, :geohash, :registeredAt) ON CONFLICT (id) DO UPDATE SET "
                        + "name = excluded.name, level = excluded.level, parent_id = excluded.parent_id, community_id = excluded.community_id, "
                        + "served_community_ids = excluded.served_community_ids, district_code = excluded.district_code, "
                        + "street_code = excluded.street_code, geohash = excluded.geohash, registered_at = excluded.registered_at "
                        + "WHERE station.registered_at <= excluded.registered_at")
                .param("id", s.id())
                .param("name", s.name())
                .param("level", s.level().name())
                .param("parentId", s.parentStationId())
                .param("communityId", s.communityId())
                .param("servedCommunityIds", s.servedCommunityIds().toArray(UUID[]::new))
                .param("districtCode", s.districtCode())
                .param("streetCode", s.streetCode())
                .param("geohash", s.geohash())
                .param("registeredAt", Timestamp.from(s.registeredAt()))
                .update();
    }

    public Optional<Station> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE id = :id")
                .param("id", id)
                .query(StationRepository::map)
                .optional();
    }

    public List<Station> children(UUID parentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE parent_id = :parentId ORDER BY name, id")
                .param("parentId", parentId)
                .query(StationRepository::map)
                .list();
    }

    /** District and street/town centres, by name. */
    public List<Station> centres() {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM station WHERE level IN ('DISTRICT_CENTRE', 'STREET_CENTRE') ORDER BY name, id")
                .query(StationRepository::map)
                .list();
    }

    /** How many stations each centre leads directly. */
    public Map<UUID, Integer> childCounts() {
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT parent_id, count(*) AS n FROM station WHERE parent_id IS NOT NULL GROUP BY parent_id")
                .query(rs -> {
                    counts.put(rs.getObject("parent_id", UUID.class), rs.getInt("n"));
                });
        return counts;
    }

    public List<Station> list(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM station ORDER BY name, id OFFSET :offset LIMIT :limit")
                .param("offset", offset)
                .param("limit", limit)
                .query(StationRepository::map)
                .list();
    }

    static Station map(ResultSet rs, int row) throws SQLException {
        return new Station(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                StationLevel.valueOf(rs.getString("level")),
                rs.getObject("parent_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                List.copyOf(Arrays.asList(
                        (UUID[]) rs.getArray("served_community_ids").getArray())),
                rs.getString("district_code"),
                rs.getString("street_code"),
                rs.getString("geohash"),
                rs.getTimestamp("registered_at").toInstant());
    }
}
