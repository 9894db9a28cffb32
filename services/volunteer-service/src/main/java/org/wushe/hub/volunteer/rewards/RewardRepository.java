package org.wushe.hub.volunteer.rewards;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RewardRepository {

    private final JdbcClient jdbc;

    public RewardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Reward r) {
        jdbc.sql(
                        "INSERT INTO reward (id, donor_id, title, description, points_cost, stock, valid_until, active, created_at) "
                                + "VALUES (:id, :donorId, :title, :description, :pointsCost, :stock, :validUntil, :active, :createdAt)")
                .param("id", r.id())
                .param("donorId", r.donorId())
                .param("title", r.title())
                .param("description", r.description())
                .param("pointsCost", r.pointsCost())
                .param("stock", r.stock())
                .param("validUntil", r.validUntil() == null ? null : Date.valueOf(r.validUntil()))
                .param("active", r.active())
                .param("createdAt", Timestamp.from(r.createdAt()))
                .update();
    }

    public Optional<Reward> find(UUID id) {
        return jdbc.sql("SELECT * FROM reward WHERE id = :id")
                .param("id", id)
                .query(RewardRepository::map)
                .optional();
    }

    public List<Reward> list(UUID donorId, boolean activeOnly, int limit) {
        return jdbc.sql("SELECT * FROM reward WHERE (CAST(:donor AS uuid) IS NULL OR donor_id = :donor) "
                        + "AND (NOT :active OR active) ORDER BY points_cost, title LIMIT :limit")
                .param("donor", donorId)
                .param("active", activeOnly)
                .param("limit", limit)
                .query(RewardRepository::map)
                .list();
    }

    public void withdraw(UUID id) {
        jdbc.sql("UPDATE reward SET active = false WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Takes {@code quantity} from the stock if that many are left; a reward without stock never runs out. */
    public boolean takeStock(UUID id, int quantity) {
        return jdbc.sql(
                                "UPDATE reward SET stock = stock - :quantity WHERE id = :id AND (stock IS NULL OR stock >= :quantity)")
                        .param("quantity", quantity)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static Reward map(ResultSet rs, int n) throws SQLException {
        Date until = rs.getDate("valid_until");
        return new Reward(
                rs.getObject("id", UUID.class),
                rs.getObject("donor_id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                rs.getLong("points_cost"),
                (Integer) rs.getObject("stock"),
                until == null ? null : until.toLocalDate(),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }
}
