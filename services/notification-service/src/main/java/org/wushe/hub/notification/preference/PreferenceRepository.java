package org.wushe.hub.notification.preference;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.notification.outbox.Recipient;

/** The {@code preference}, {@code contact}, {@code channel_choice} and {@code contact_access} tables. */
@Repository
public class PreferenceRepository {

    private final JdbcClient jdbc;

    public PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> language(Recipient r) {
        return jdbc.sql("SELECT language FROM preference WHERE recipient_kind = :rk AND recipient_id = :rid")
                .param("rk", r.kind())
                .param("rid", r.id())
                .query(String.class)
                .optional();
    }

    public void saveLanguage(Recipient r, String language, Instant at) {
        jdbc.sql(
                        "INSERT INTO preference (recipient_kind, recipient_id, language, updated_at) VALUES (:rk, :rid, :lang, :at) "
                                + "ON CONFLICT (recipient_kind, recipient_id) DO UPDATE SET language = :lang, updated_at = :at")
                .param("rk", r.kind())
                .param("rid", r.id())
                .param("lang", language)
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<byte[]> address(Recipient r, String channel) {
        return jdbc.sql("SELECT address_sealed FROM contact WHERE recipient_kind = :rk AND recipient_id = :rid "
                        + "AND channel = :channel")
                .param("rk", r.kind())
                .param("rid", r.id())
                .param("channel", channel)
                .query((rs, i) -> rs.getBytes(1))
                .optional();
    }

    public void saveAddress(Recipient r, String channel, byte[] sealed, Instant at) {
        if (sealed == null) {
            jdbc.sql("DELETE FROM contact WHERE recipient_kind = :rk AND recipient_id = :rid AND channel = :channel")
                    .param("rk", r.kind())
                    .param("rid", r.id())
                    .param("channel", channel)
                    .update();
            return;
        }
        jdbc.sql("INSERT INTO contact (recipient_kind, recipient_id, channel, address_sealed, updated_at) "
                        + "VALUES (:rk, :rid, :channel, :sealed, :at) ON CONFLICT (recipient_kind, recipient_id, channel) "
                        + "DO UPDATE SET address_sealed = :sealed, updated_at = :at")
                .param("rk", r.kind())
                .param("rid", r.id())
                .param("channel", channel)
                .param("sealed", sealed)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The recipient's choices, by kind and channel; absent ones take the default (on). */
    public Map<String, Boolean> choices(Recipient r) {
        Map<String, Boolean> out = new HashMap<>();
        jdbc.sql("SELECT kind, channel, enabled FROM channel_choice WHERE recipient_kind = :rk AND recipient_id = :rid")
                .param("rk", r.kind())
                .param("rid", r.id())
                .query(rs -> {
                    out.put(key(rs.getString("kind"), rs.getString("channel")), rs.getBoolean("enabled"));
                });
        return out;
    }

    public Optional<Boolean> choice(Recipient r, String kind, String channel) {
        return jdbc.sql("SELECT enabled FROM channel_choice WHERE recipient_kind = :rk AND recipient_id = :rid "
                        + "AND kind = :kind AND channel = :channel")
                .param("rk", r.kind())
                .param("rid", r.id())
                .param("kind", kind)
                .param("channel", channel)
                .query(Boolean.class)
                .optional();
    }

    public void saveChoice(Recipient r, String kind, String channel, boolean enabled) {
        jdbc.sql("INSERT INTO channel_choice (recipient_kind, recipient_id, kind, channel, enabled) "
                        + "VALUES (:rk, :rid, :kind, :channel, :enabled) "
                        + "ON CONFLICT (recipient_kind, recipient_id, kind, channel) DO UPDATE SET enabled = :enabled")
                .param("rk", r.kind())
                .param("rid", r.id())
                .param("kind", kind)
                .param("channel", channel)
                .param("enabled", enabled)
                .update();
    }

    /** Writes one read of the recipient's address to the access log: who, why. */
    public void logAccess(Recipient r, String channel, String actor, String reason, Instant at) {
        jdbc.sql("INSERT INTO contact_access (recipient_kind, recipient_id, channel, actor, reason, accessed_at) "
                        + "VALUES (:rk, :rid, :channel, :actor, :reason, :at)")
                .param("rk", r.kind())
                .param("rid", r.id())
                .param("channel", channel)
                .param("actor", actor.length() > 100 ? actor.substring(0, 100) : actor)
                .param("reason", reason.length() > 200 ? reason.substring(0, 200) : reason)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Whether the recipient left (erased their account; the outbox's {@code departed_recipient}), asked under the
     * recipient's advisory lock, which their leaving takes too: settings stored now are never left behind by it.
     */
    public boolean lockAndCheckDeparted(Recipient r) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", r.lockKey())
                .query((rs, i) -> 1)
                .list();
        return jdbc.sql("SELECT count(*) FROM departed_recipient WHERE recipient_kind = :rk AND recipient_id = :rid")
                        .param("rk", r.kind())
                        .param("rid", r.id())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Deletes the recipient's language, addresses and choices (not the access log). */
    public void forget(Recipient r) {
        for (String table : new String[] {"preference", "contact", "channel_choice"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE recipient_kind = :rk AND recipient_id = :rid")
                    .param("rk", r.kind())
                    .param("rid", r.id())
                    .update();
        }
    }

    static String key(String kind, String channel) {
        return kind + "/" + channel;
    }
}
