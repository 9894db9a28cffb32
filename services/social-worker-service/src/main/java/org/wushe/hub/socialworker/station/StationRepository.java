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
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                        + "name = excluded.name, level = excluded.level, parent_id = excluded.parent_id, community_id = excluded.community_id, "
                        + "served_community_ids = excluded.served_community_ids, district_code = excluded.district_code, "
                        + "street_code = excluded.street_code, geohash = excluded.geohash, registered_at = excluded.registered_at "
                        + "WHERE station.registered_at <= excluded.registered_at")
                .params(
                        s.id(),
                        s.name(),
                        s.level().name(),
                        s.parentStationId(),
                        s.communityId(),
                        s.servedCommunityIds().toArray(UUID[]::new),
                        s.districtCode(),
                        s.streetCode(),
                        s.geohash(),
                        Timestamp.from(s.registeredAt()))
                .update();
    }

    public Optional<Station> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE id = ?")
                .param(id)
                .query(StationRepository::map)
                .optional();
    }

    public List<Station> children(UUID parentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE parent_id = ? ORDER BY name, id")
                .param(parentId)
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
        return jdbc.sql("SELECT " + COLUMNS + " FROM station ORDER BY name, id OFFSET ? LIMIT ?")
                .params(offset, limit)
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
