package org.wushe.hub.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit trail of account changes ({@code account_audit}): rows are only ever appended, each with the SHA-256 of the
 * previous row's hash and its own content, so a changed or removed row is detectable ({@link #verify}); the database
 * refuses UPDATE, DELETE and TRUNCATE on the table (a trigger), and no API edits it. Passwords never appear in it.
 */
@Repository
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    public record Entry(
            long seq,
            String at,
            String actor,
            String action,
            String username,
            String detail,
            UUID requestId,
            String prevHash,
            String hash) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends a row; call inside the transaction of the change it records (the table lock orders the chain). */
    public Entry append(String actor, String action, String username, String detail, UUID requestId) {
        jdbc.sql("LOCK TABLE account_audit IN SHARE ROW EXCLUSIVE MODE").update();
        List<Object[]> last = jdbc.sql("SELECT seq, hash FROM account_audit ORDER BY seq DESC LIMIT 1")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        long seq = last.isEmpty() ? 1 : (Long) last.get(0)[0] + 1;
        String prev = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
        String at = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String hash = hash(seq, at, actor, action, username, detail, requestId, prev);
        jdbc.sql("INSERT INTO account_audit (seq, at, actor, action, username, detail, request_id, prev_hash, hash) "
                        + "VALUES (:seq, :at, :actor, :action, :username, :detail, :request_id, :prev_hash, :hash)")
                .param("seq", seq)
                .param("at", at)
                .param("actor", actor)
                .param("action", action)
                .param("username", username)
                .param("detail", detail)
                .param("request_id", requestId)
                .param("prev_hash", prev)
                .param("hash", hash)
                .update();
        return new Entry(seq, at, actor, action, username, detail, requestId, prev, hash);
    }

    public List<Entry> all() {
        return jdbc.sql("SELECT * FROM account_audit ORDER BY seq")
                .query((rs, i) -> new Entry(
                        rs.getLong("seq"),
                        rs.getString("at"),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("username"),
                        rs.getString("detail"),
                        rs.getObject("request_id", UUID.class),
                        rs.getString("prev_hash"),
                        rs.getString("hash")))
                .list();
    }

    /** The first row whose hash or link does not match its content and its predecessor, or -1 when the chain holds. */
    public static long verify(List<Entry> entries) {
        String prev = GENESIS;
        long expectedSeq = 1;
        for (Entry e : entries) {
            if (e.seq() != expectedSeq
                    || !e.prevHash().equals(prev)
                    || !e.hash()
                            .equals(hash(
                                    e.seq(),
                                    e.at(),
                                    e.actor(),
                                    e.action(),
                                    e.username(),
                                    e.detail(),
                                    e.requestId(),
                                    e.prevHash()))) {
                return e.seq();
            }
            prev = e.hash();
            expectedSeq++;
        }
        return -1;
    }

    static String hash(
            long seq,
            String at,
            String actor,
            String action,
            String username,
            String detail,
            UUID requestId,
            String prev) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {
                prev,
                Long.toString(seq),
                at,
                actor,
                action,
                username,
                detail,
                requestId == null ? "" : requestId.toString()
            }) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
