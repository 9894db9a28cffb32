package org.wushe.hub.socialworker.notes;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.platform.privacy.ReadReasons;
import org.wushe.hub.platform.security.Access;

/**
 * Every opening of notes, in the transaction of the read: who ({@code actor}, the token's subject), whose notes
 * ({@code social_worker_id}, the worker who keeps them), which ({@code kind}, {@code subject_id}: the case, visit
 * or group) and why ({@code reason}, required: a read without one is a 400 naming {@code reason}).
 */
@Repository
public class NoteAccessLog {

    public static final String FIELD = "reason";

    public enum Kind {
        CASE,
        VISIT,
        GROUP
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public NoteAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The stated reason, stripped; a 400 naming {@value #FIELD} when there is none. */
    public static String reason(String reason) {
        return ReadReasons.require(FIELD, reason);
    }

    public void opened(UUID workerId, Kind kind, UUID subjectId, String reason) {
        jdbc.sql("INSERT INTO note_access (actor, social_worker_id, kind, subject_id, reason, accessed_at) "
                        + "VALUES (:actor, :workerId, :kind, :subjectId, :reason, :at)")
                .param("actor", Access.caller().subject())
                .param("workerId", workerId)
                .param("kind", kind.name())
                .param("subjectId", subjectId)
                .param("reason", reason)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    public record Entry(String actor, UUID socialWorkerId, Kind kind, UUID subjectId, String reason) {}

    public List<Entry> of(UUID subjectId) {
        return jdbc.sql(
                        "SELECT actor, social_worker_id, kind, subject_id, reason FROM note_access WHERE subject_id = :subjectId ORDER BY id")
                .param("subjectId", subjectId)
                .query((rs, n) -> new Entry(
                        rs.getString("actor"),
                        rs.getObject("social_worker_id", UUID.class),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getObject("subject_id", UUID.class),
                        rs.getString("reason")))
                .list();
    }
}
