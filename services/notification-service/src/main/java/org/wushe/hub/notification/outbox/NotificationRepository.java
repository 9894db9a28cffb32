package org.wushe.hub.notification.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code notification} and {@code delivery} tables. */
@Repository
public class NotificationRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the notification; false when one of its kind, ref and recipient is already there. */
    public boolean insert(Notification n) {
        return jdbc.sql(
                                "INSERT INTO notification (id, recipient_kind, recipient_id, kind, ref, args, link, created_at) "
                                        + "VALUES (:id, :rk, :rid, :kind, :ref, CAST(:args AS jsonb), :link, :at) "
                                        + "ON CONFLICT ON CONSTRAINT notification_once DO NOTHING")
                        .param("id", n.id())
                        .param("rk", n.recipient().kind())
                        .param("rid", n.recipient().id())
                        .param("kind", n.kind().name())
                        .param("ref", n.ref())
                        .param("args", JSON.writeValueAsString(Map.of("body", n.bodyCode(), "args", n.args())))
                        .param("link", n.link())
                        .param("at", Timestamp.from(n.createdAt()))
                        .update()
                == 1;
    }

    /**
     * Takes the recipient's transaction-scoped advisory lock: writing a notification for them and their leaving
     * never interleave.
     */
    public void lockRecipient(Recipient r) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", r.lockKey())
                .query((rs, i) -> 1)
                .list();
    }

    /** Whether the recipient left (erased their account). */
    public boolean departed(Recipient r) {
        return jdbc.sql("SELECT count(*) FROM departed_recipient WHERE recipient_kind = :rk AND recipient_id = :rid")
                        .param("rk", r.kind())
                        .param("rid", r.id())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Records the recipient departed; false when they were already. */
    public boolean depart(Recipient r, String erasedBy, Instant at) {
        return jdbc.sql("INSERT INTO departed_recipient (recipient_kind, recipient_id, erased_by, left_at) "
                                + "VALUES (:rk, :rid, :by, :at) ON CONFLICT DO NOTHING")
                        .param("rk", r.kind())
                        .param("rid", r.id())
                        .param("by", erasedBy)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Skips the recipient's pending deliveries with the reason; how many. */
    public int skipPending(Recipient r, String reason) {
        return jdbc.sql(
                        "UPDATE delivery SET status = 'skipped', last_error = :reason WHERE status = 'pending' "
                                + "AND notification_id IN (SELECT id FROM notification WHERE recipient_kind = :rk AND recipient_id = :rid)")
                .param("reason", truncate(reason))
                .param("rk", r.kind())
                .param("rid", r.id())
                .update();
    }

    /** Empties the recipient's notifications of what they said: the body code alone, no arguments, no link. */
    public int empty(Recipient r, String bodyCode) {
        return jdbc.sql("UPDATE notification SET args = CAST(:args AS jsonb), link = NULL "
                        + "WHERE recipient_kind = :rk AND recipient_id = :rid")
                .param("args", JSON.writeValueAsString(Map.of("body", bodyCode, "args", List.of())))
                .param("rk", r.kind())
                .param("rid", r.id())
                .update();
    }

    public void insertDelivery(
            UUID notificationId,
            String channel,
            String status,
            Instant nextAttemptAt,
            String lastError,
            Instant sentAt) {
        jdbc.sql("INSERT INTO delivery (notification_id, channel, status, next_attempt_at, last_error, sent_at) "
                        + "VALUES (:id, :channel, :status, :next, :error, :sent) ON CONFLICT DO NOTHING")
                .param("id", notificationId)
                .param("channel", channel)
                .param("status", status)
                .param("next", Timestamp.from(nextAttemptAt))
                .param("error", truncate(lastError))
                .param("sent", sentAt == null ? null : Timestamp.from(sentAt))
                .update();
    }

    /** The recipients' notifications delivered in-app, newest first. */
    public List<Notification> inbox(List<Recipient> recipients, boolean unreadOnly, int page, int size) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        Where where = where(recipients);
        var spec = jdbc.sql("SELECT n.* FROM notification n JOIN delivery d ON d.notification_id = n.id "
                + "AND d.channel = '" + InAppChannel.NAME + "' AND d.status = 'sent' WHERE (" + where.sql() + ")"
                + (unreadOnly ? " AND n.read_at IS NULL" : "")
                + " ORDER BY n.created_at DESC, n.id LIMIT :limit OFFSET :offset");
        where.params().forEach(spec::param);
        return spec.param("limit", size)
                .param("offset", (long) page * size)
                .query(NotificationRepository::row)
                .list();
    }

    public long unread(List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return 0;
        }
        Where where = where(recipients);
        var spec = jdbc.sql("SELECT count(*) FROM notification n JOIN delivery d ON d.notification_id = n.id "
                + "AND d.channel = '" + InAppChannel.NAME + "' AND d.status = 'sent' WHERE (" + where.sql()
                + ") AND n.read_at IS NULL");
        where.params().forEach(spec::param);
        return spec.query(Long.class).single();
    }

    /** Marks one of the recipients' notifications read; false when none of theirs has the id. */
    public boolean markRead(UUID id, List<Recipient> recipients, Instant at) {
        if (recipients.isEmpty()) {
            return false;
        }
        Where where = where(recipients);
        var spec = jdbc.sql(
                "UPDATE notification n SET read_at = coalesce(read_at, :at) WHERE id = :id AND (" + where.sql() + ")");
        where.params().forEach(spec::param);
        return spec.param("id", id).param("at", Timestamp.from(at)).update() == 1;
    }

    public int markAllRead(List<Recipient> recipients, Instant at) {
        if (recipients.isEmpty()) {
            return 0;
        }
        Where where = where(recipients);
        var spec = jdbc.sql("UPDATE notification n SET read_at = :at WHERE read_at IS NULL AND (" + where.sql() + ")");
        where.params().forEach(spec::param);
        return spec.param("at", Timestamp.from(at)).update();
    }

    public Optional<Notification> find(UUID id) {
        return jdbc.sql("SELECT * FROM notification WHERE id = :id")
                .param("id", id)
                .query(NotificationRepository::row)
                .optional();
    }

    /** A delivery waiting for its channel. */
    public record Due(UUID notificationId, String channel, int attempts) {}

    /**
     * Due pending deliveries, oldest first, locked for this transaction; rows another dispatcher holds are
     * skipped (FOR UPDATE SKIP LOCKED), so two instances never send the same delivery at once.
     */
    public List<Due> lockDue(Instant now, int limit) {
        return jdbc.sql("SELECT notification_id, channel, attempts FROM delivery "
                        + "WHERE status = 'pending' AND next_attempt_at <= :now "
                        + "ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, i) -> new Due(
                        rs.getObject("notification_id", UUID.class), rs.getString("channel"), rs.getInt("attempts")))
                .list();
    }

    public void sent(Due d, Instant at) {
        update(d, "sent", d.attempts() + 1, at, null, at);
    }

    public void skipped(Due d, String why, Instant at) {
        update(d, "skipped", d.attempts(), at, why, null);
    }

    public void retry(Due d, String error, Instant next) {
        update(d, "pending", d.attempts() + 1, next, error, null);
    }

    public void failed(Due d, String error, Instant at) {
        update(d, "failed", d.attempts() + 1, at, error, null);
    }

    private void update(Due d, String status, int attempts, Instant next, String error, Instant sentAt) {
        jdbc.sql("UPDATE delivery SET status = :status, attempts = :attempts, next_attempt_at = :next, "
                        + "last_error = :error, sent_at = :sent WHERE notification_id = :id AND channel = :channel")
                .param("status", status)
                .param("attempts", attempts)
                .param("next", Timestamp.from(next))
                .param("error", truncate(error))
                .param("sent", sentAt == null ? null : Timestamp.from(sentAt))
                .param("id", d.notificationId())
                .param("channel", d.channel())
                .update();
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(List<Recipient> recipients) {
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < recipients.size(); i++) {
            terms.add("(n.recipient_kind = :rk" + i + " AND n.recipient_id = :rid" + i + ")");
            params.put("rk" + i, recipients.get(i).kind());
            params.put("rid" + i, recipients.get(i).id());
        }
        return new Where(String.join(" OR ", terms), params);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static Notification row(ResultSet rs, int i) throws SQLException {
        Map<String, Object> args = JSON.readValue(rs.getString("args"), new TypeReference<Map<String, Object>>() {});
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) args.getOrDefault("args", List.of());
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(
                rs.getObject("id", UUID.class),
                new Recipient(rs.getString("recipient_kind"), rs.getObject("recipient_id", UUID.class)),
                NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("ref"),
                String.valueOf(args.get("body")),
                values.stream().map(String::valueOf).toList(),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
