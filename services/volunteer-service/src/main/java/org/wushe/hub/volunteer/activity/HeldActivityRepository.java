package org.wushe.hub.volunteer.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Activities recorded after they were held: by whom, why, and under which Idempotency-Key (per publisher). */
@Repository
class HeldActivityRepository {

    /** A held activity's record. */
    record Held(UUID activityId, String fingerprint, String reason) {}

    private final JdbcClient jdbc;

    HeldActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Held> byKey(ActivityRequest.Publisher publisher, String key) {
        return jdbc.sql("""
                        SELECT activity_id, fingerprint, reason FROM held_activity
                        WHERE publisher_kind = :kind AND publisher_id = :id AND idempotency_key = :key""")
                .param("kind", publisher.kind().name())
                .param("id", publisher.id())
                .param("key", key)
                .query((rs, n) -> new Held(
                        rs.getObject("activity_id", UUID.class), rs.getString("fingerprint"), rs.getString("reason")))
                .optional();
    }

    /**
     * Records the held activity; false when another request recorded one under the same key meanwhile (the insert waits
     * for it to commit, then does nothing).
     */
    boolean insert(
            UUID activityId,
            ActivityRequest.Publisher publisher,
            String key,
            String fingerprint,
            String reason,
            String by,
            Instant at) {
        return jdbc.sql("""
                        INSERT INTO held_activity (activity_id, publisher_kind, publisher_id, idempotency_key, fingerprint, reason,
                            recorded_by, recorded_at)
                        VALUES (:activityId, :kind, :id, :key, :fingerprint, :reason, :by, :at) ON CONFLICT DO NOTHING""")
                        .param("activityId", activityId)
                        .param("kind", publisher.kind().name())
                        .param("id", publisher.id())
                        .param("key", key)
                        .param("fingerprint", fingerprint)
                        .param("reason", reason)
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }
}
