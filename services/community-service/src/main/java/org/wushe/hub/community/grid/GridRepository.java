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
        jdbc.sql("INSERT INTO grid (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        g.id(),
                        g.communityId(),
                        g.name(),
                        g.buildings(),
                        g.stairwells(),
                        g.households(),
                        g.residents(),
                        g.geohash(),
                        Timestamp.from(g.createdAt()))
                .update();
    }

    public Optional<Grid> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid WHERE id = ?")
                .param(id)
                .query(GridRepository::map)
                .optional();
    }

    public Optional<Grid> findByName(UUID communityId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid WHERE community_id = ? AND name = ?")
                .params(communityId, name)
                .query(GridRepository::map)
                .optional();
    }

    public List<Grid> ofCommunity(UUID communityId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid WHERE community_id = ? ORDER BY name")
                .param(communityId)
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
