package org.wushe.hub.community.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.community.StationLevel;

@Repository
public class StationRepository {

    private static final String SELECT =
            "SELECT s.id, s.name, s.level, s.parent_id, s.community_id, s.district_code, s.street_code, s.geohash, s.created_at, "
                    + "ARRAY(SELECT community_id FROM station_served_community sc WHERE sc.station_id = s.id ORDER BY community_id) AS served FROM station s ";

    private final JdbcClient jdbc;

    public StationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Station s) {
        jdbc.sql("INSERT INTO station (id, name, level, parent_id, community_id, district_code, street_code, geohash, "
                        + "created_at) VALUES (:id, :name, :level, :parentId, :communityId, :districtCode, :streetCode, "
                        + ":geohash, :createdAt)")
                .param("id", s.id())
                .param("name", s.name())
                .param("level", s.level().name())
                .param("parentId", s.parentStationId())
                .param("communityId", s.communityId())
                .param("districtCode", s.districtCode())
                .param("streetCode", s.streetCode())
                .param("geohash", s.geohash())
                .param("createdAt", Timestamp.from(s.createdAt()))
                .update();
        for (UUID community : s.servedCommunityIds()) {
            jdbc.sql(
                            "INSERT INTO station_served_community (station_id, community_id) VALUES (:stationId, :communityId)")
                    .param("stationId", s.id())
                    .param("communityId", community)
                    .update();
        }
    }

    public Optional<Station> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE s.id = :id")
                .param("id", id)
                .query(StationRepository::map)
                .optional();
    }

    public List<Station> children(UUID parentId) {
        return jdbc.sql(SELECT + "WHERE s.parent_id = :parentId ORDER BY s.name")
                .param("parentId", parentId)
                .query(StationRepository::map)
                .list();
    }

    /** Stations whose staff handle the community's needs. */
    public List<Station> serving(UUID communityId) {
        return jdbc.sql(
                        SELECT
                                + "WHERE s.id IN (SELECT station_id FROM station_served_community WHERE community_id = :communityId) ORDER BY s.name")
                .param("communityId", communityId)
                .query(StationRepository::map)
                .list();
    }

    public List<Station> list(UUID communityId, int offset, int limit) {
        if (communityId != null) {
            return serving(communityId);
        }
        return jdbc.sql(SELECT + "ORDER BY s.name, s.id OFFSET :offset LIMIT :limit")
                .param("offset", offset)
                .param("limit", limit)
                .query(StationRepository::map)
                .list();
    }

    /**
     * The communities served by the centre and the stations below it (a station serving the community is the centre,
     * or one or two levels below it).
     */
    public List<UUID> communitiesOfCentre(UUID centre) {
        return jdbc.sql("SELECT DISTINCT sc.community_id FROM station_served_community sc "
                        + "JOIN station s ON s.id = sc.station_id LEFT JOIN station p ON p.id = s.parent_id "
                        + "WHERE s.id = :centre OR s.parent_id = :centre OR p.parent_id = :centre")
                .param("centre", centre)
                .query(UUID.class)
                .list();
    }

    public boolean nameTaken(String districtCode, String name) {
        return jdbc.sql("SELECT count(*) FROM station WHERE district_code = :districtCode AND name = :name")
                        .param("districtCode", districtCode)
                        .param("name", name)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    static Station map(ResultSet rs, int row) throws SQLException {
        UUID[] served = (UUID[]) rs.getArray("served").getArray();
        return new Station(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                StationLevel.valueOf(rs.getString("level")),
                rs.getObject("parent_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                List.copyOf(Arrays.asList(served)),
                rs.getString("district_code"),
                rs.getString("street_code"),
                rs.getString("geohash"),
                rs.getTimestamp("created_at").toInstant());
    }
}
