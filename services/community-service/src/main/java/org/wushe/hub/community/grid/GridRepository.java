package org.wushe.hub.community.grid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GridRepository {

    private static final String COLUMNS =
            "id, community_id, name, buildings, stairwells, households, residents, geohash, created_at";

    private final JdbcClient jdbc;

    public GridRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Grid g) {
        jdbc.sql("INSERT INTO grid (" + COLUMNS + ") VALUES (:id, :communityId, :name, :buildings, :stairwells, "
                        + ":households, :residents, :geohash, :createdAt)")
                .param("id", g.id())
                .param("communityId", g.communityId())
                .param("name", g.name())
                .param("buildings", g.buildings())
                .param("stairwells", g.stairwells())
                .param("households", g.households())
                .param("residents", g.residents())
                .param("geohash", g.geohash())
                .param("createdAt", Timestamp.from(g.createdAt()))
                .update();
    }

    public Optional<Grid> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid WHERE id = :id")
                .param("id", id)
                .query(GridRepository::map)
                .optional();
    }

    public Optional<Grid> findByName(UUID communityId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid WHERE community_id = :communityId AND name = :name")
                .param("communityId", communityId)
                .param("name", name)
                .query(GridRepository::map)
                .optional();
    }

    public List<Grid> ofCommunity(UUID communityId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid WHERE community_id = :communityId ORDER BY name")
                .param("communityId", communityId)
                .query(GridRepository::map)
                .list();
    }

    static Grid map(ResultSet rs, int row) throws SQLException {
        return new Grid(
                rs.getObject("id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getString("name"),
                (Integer) rs.getObject("buildings"),
                (Integer) rs.getObject("stairwells"),
                (Integer) rs.getObject("households"),
                (Integer) rs.getObject("residents"),
                rs.getString("geohash"),
                rs.getTimestamp("created_at").toInstant());
    }
}
