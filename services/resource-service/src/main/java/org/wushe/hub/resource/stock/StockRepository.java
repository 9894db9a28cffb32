package org.wushe.hub.resource.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.resource.common.Window;

/**
 * The stock table. Stock never goes negative by construction: taking is one conditional UPDATE that
 * succeeds only while enough is left (PostgreSQL re-checks the condition on the newest row version
 * after a concurrent writer commits), and a CHECK constraint backs it up.
 */
@Repository
public class StockRepository {

    /** One offer's period, the key of a stock row next to its id. */
    private static final String OF_PERIOD =
            "offer_id = :offer_id AND period_start = :period_start AND period_end = :period_end";

    private final JdbcClient jdbc;

    public StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stock row of a period, created full on first use. */
    public UUID openPeriod(UUID offerId, Window period, long total) {
        jdbc.sql("INSERT INTO stock (id, offer_id, period_start, period_end, total, available) "
                        + "VALUES (:id, :offer_id, :period_start, :period_end, :total, :total) "
                        + "ON CONFLICT (offer_id, period_start, period_end) DO NOTHING")
                .param("id", UUID.randomUUID())
                .params(periodParams(offerId, period))
                .param("total", total)
                .update();
        return jdbc.sql("SELECT id FROM stock WHERE " + OF_PERIOD)
                .params(periodParams(offerId, period))
                .query(UUID.class)
                .single();
    }

    /** Takes {@code amount} if that much is left, atomically; what is left afterwards, or empty when too little was. */
    public OptionalLong take(UUID stockId, long amount) {
        return jdbc.sql(
                        "UPDATE stock SET available = available - :amount WHERE id = :id AND available >= :amount RETURNING available")
                .param("amount", amount)
                .param("id", stockId)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** Puts {@code amount} back to be offered again; what is left afterwards. */
    public long giveBack(UUID stockId, long amount) {
        return jdbc.sql("UPDATE stock SET available = available + :amount WHERE id = :id RETURNING available")
                .param("amount", amount)
                .param("id", stockId)
                .query(Long.class)
                .single();
    }

    /** Puts {@code amount} back but not on offer (the offer expired or was withdrawn); what is left afterwards. */
    public long writeOff(UUID stockId, long amount) {
        return jdbc.sql("UPDATE stock SET withdrawn = withdrawn + :amount WHERE id = :id RETURNING available")
                .param("amount", amount)
                .param("id", stockId)
                .query(Long.class)
                .single();
    }

    /** Withdraws everything still available on the offer; the amount withdrawn. */
    public long withdrawAll(UUID offerId) {
        return jdbc
                .sql("WITH left_over AS (SELECT id, available FROM stock WHERE offer_id = :offer_id FOR UPDATE) "
                        + "UPDATE stock s SET withdrawn = s.withdrawn + l.available, available = 0 FROM left_over l "
                        + "WHERE s.id = l.id RETURNING l.available")
                .param("offer_id", offerId)
                .query(Long.class)
                .list()
                .stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /**
     * Sets a period's total (the provider changed the stock or the places per slot), keeping what is
     * reserved, handed over and withdrawn: {@code available} moves by the same amount. Empty when that
     * would leave less than nothing available (the new total is below what is reserved and handed over).
     */
    public OptionalLong resize(UUID stockId, long total) {
        return jdbc.sql("UPDATE stock SET total = :total, available = available + (:total - total) "
                        + "WHERE id = :id AND available + (:total - total) >= 0 RETURNING available")
                .param("total", total)
                .param("id", stockId)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** Moves the end of a period (goods and funds count over the offer's whole window, which the provider changed). */
    public void movePeriodEnd(UUID offerId, Window period, java.time.Instant end) {
        jdbc.sql("UPDATE stock SET period_end = :end WHERE " + OF_PERIOD)
                .param("end", Timestamp.from(end))
                .params(periodParams(offerId, period))
                .update();
    }

    public long available(UUID stockId) {
        return jdbc.sql("SELECT available FROM stock WHERE id = :id")
                .param("id", stockId)
                .query(Long.class)
                .single();
    }

    public Optional<StockPeriod> period(UUID stockId) {
        return jdbc.sql("SELECT * FROM stock WHERE id = :id")
                .param("id", stockId)
                .query(StockRepository::map)
                .optional();
    }

    public Optional<StockPeriod> period(UUID offerId, Window period) {
        return jdbc.sql("SELECT * FROM stock WHERE " + OF_PERIOD)
                .params(periodParams(offerId, period))
                .query(StockRepository::map)
                .optional();
    }

    public List<StockPeriod> periods(UUID offerId) {
        return jdbc.sql("SELECT * FROM stock WHERE offer_id = :offer_id ORDER BY period_start")
                .param("offer_id", offerId)
                .query(StockRepository::map)
                .list();
    }

    private static Map<String, Object> periodParams(UUID offerId, Window period) {
        return Map.of(
                "offer_id", offerId,
                "period_start", Timestamp.from(period.start()),
                "period_end", Timestamp.from(period.end()));
    }

    static StockPeriod map(ResultSet rs, int row) throws SQLException {
        return new StockPeriod(
                rs.getObject("id", UUID.class),
                rs.getObject("offer_id", UUID.class),
                new Window(
                        rs.getTimestamp("period_start").toInstant(),
                        rs.getTimestamp("period_end").toInstant()),
                rs.getLong("total"),
                rs.getLong("available"),
                rs.getLong("withdrawn"));
    }
}
