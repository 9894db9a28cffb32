package org.wushe.hub.resource.stock;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@link org.wushe.hub.platform.web.IdempotencyKeys Idempotency-Key}s of staff reservations: the first request
 * with a key claims it in its transaction and records its reservation; a repeat (a retry after a timeout, a double
 * click) finds the key and gets the same reservation. A concurrent repeat waits on the key's row until the first
 * commits or rolls back.
 */
@Repository
public class ReservationKeys {

    public record Claim(String operation, String requestHash, UUID reservationId) {}

    private final JdbcClient jdbc;

    public ReservationKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True if this request is the first with the key. */
    public boolean claim(String key, String operation, String requestHash, Instant at) {
        return jdbc.sql(
                                "INSERT INTO idempotency_key (key, operation, request_hash, created_at) VALUES (:key, :operation, :request_hash, :created_at) ON CONFLICT DO NOTHING")
                        .param("key", key)
                        .param("operation", operation)
                        .param("request_hash", requestHash)
                        .param("created_at", Timestamp.from(at))
                        .update()
                == 1;
    }

    public Optional<Claim> find(String key) {
        return jdbc.sql("SELECT operation, request_hash, reservation_id FROM idempotency_key WHERE key = :key")
                .param("key", key)
                .query((rs, n) -> new Claim(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class)))
                .optional();
    }

    public void complete(String key, UUID reservationId) {
        jdbc.sql("UPDATE idempotency_key SET reservation_id = :reservation_id WHERE key = :key")
                .param("reservation_id", reservationId)
                .param("key", key)
                .update();
    }
}
