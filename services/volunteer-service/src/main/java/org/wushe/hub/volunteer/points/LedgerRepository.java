package org.wushe.hub.volunteer.points;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The points ledger in PostgreSQL. Append-only: this class has no UPDATE or DELETE, and triggers refuse
 * them; a deferred trigger refuses a transaction whose entries do not sum to zero.
 */
@Repository
public class LedgerRepository {

    private final JdbcClient jdbc;

    public LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void post(LedgerTransaction tx, StoredTransaction t) {
        if (!tx.id().equals(t.id())) {
            throw new IllegalArgumentException("details of another transaction");
        }
        jdbc.sql("""
                INSERT INTO points_transaction (id, kind, account_id, counter_account_id, points, balance_after, counter_balance_after,
                    idempotency_key, request_fingerprint, hours_id, served_on, computed_points, multiplier_percent, rule_version,
                    reward_id, donor_id, quantity, note, occurred_at)
                VALUES (:id, :kind, :accountId, :counterAccountId, :points, :balanceAfter, :counterBalanceAfter,
                    :idempotencyKey, :requestFingerprint, :hoursId, :servedOn, :computedPoints, :multiplierPercent, :ruleVersion,
                    :rewardId, :donorId, :quantity, :note, :occurredAt)""")
                .param("id", t.id())
                .param("kind", t.kind().name())
                .param("accountId", t.accountId())
                .param("counterAccountId", t.counterAccountId())
                .param("points", t.points())
                .param("balanceAfter", t.balanceAfter())
                .param("counterBalanceAfter", t.counterBalanceAfter())
                .param("idempotencyKey", t.idempotencyKey())
                .param("requestFingerprint", t.requestFingerprint())
                .param("hoursId", t.hoursId())
                .param("servedOn", t.servedOn() == null ? null : Date.valueOf(t.servedOn()))
                .param("computedPoints", t.computedPoints())
                .param("multiplierPercent", t.multiplierPercent())
                .param("ruleVersion", t.ruleVersion())
                .param("rewardId", t.rewardId())
                .param("donorId", t.donorId())
                .param("quantity", t.quantity())
                .param("note", t.note())
                .param("occurredAt", Timestamp.from(t.occurredAt()))
                .update();
        for (Posting p : tx.postings()) {
            jdbc.sql("INSERT INTO ledger_entry (transaction_id, account_id, amount, expires_at, occurred_at) "
                            + "VALUES (:transactionId, :accountId, :amount, :expiresAt, :occurredAt)")
                    .param("transactionId", tx.id())
                    .param("accountId", p.accountId())
                    .param("amount", p.amount())
                    .param("expiresAt", p.expiresAt() == null ? null : Timestamp.from(p.expiresAt()))
                    .param("occurredAt", Timestamp.from(t.occurredAt()))
                    .update();
        }
    }

    /** Balance, expired credits and debits of the account at {@code now}: everything {@link AccountState} needs. */
    public AccountState state(UUID account, Instant now) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount), 0) AS balance,
                       coalesce(sum(amount) FILTER (WHERE amount > 0 AND expires_at <= :now), 0) AS expired_credits,
                       coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS debits
                FROM ledger_entry WHERE account_id = :account""")
                .param("now", Timestamp.from(now))
                .param("account", account)
                .query((rs, n) -> new AccountState(
                        account, rs.getLong("balance"), rs.getLong("expired_credits"), rs.getLong("debits")))
                .single();
    }

    public long balance(UUID account) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM ledger_entry WHERE account_id = :account")
                .param("account", account)
                .query(Long.class)
                .single();
    }

    /** Points awarded to the account for services of one day, for the daily cap. */
    public long awardedOn(UUID account, LocalDate day) {
        return jdbc.sql(
                        "SELECT coalesce(sum(points), 0) FROM points_transaction WHERE account_id = :account AND kind = 'AWARD' "
                                + "AND served_on = :servedOn")
                .param("account", account)
                .param("servedOn", Date.valueOf(day))
                .query(Long.class)
                .single();
    }

    public Optional<StoredTransaction> byIdempotencyKey(UUID account, TransactionKind kind, String key) {
        return jdbc.sql(SELECT_TRANSACTION
                        + " WHERE t.account_id = :account AND t.kind = :kind AND t.idempotency_key = :idempotencyKey")
                .param("account", account)
                .param("kind", kind.name())
                .param("idempotencyKey", key)
                .query(LedgerRepository::transaction)
                .optional();
    }

    public Optional<StoredTransaction> awardFor(UUID hoursId) {
        return jdbc.sql(SELECT_TRANSACTION + " WHERE t.hours_id = :hoursId AND t.kind = 'AWARD'")
                .param("hoursId", hoursId)
                .query(LedgerRepository::transaction)
                .optional();
    }

    public Optional<StoredTransaction> transaction(UUID id) {
        return jdbc.sql(SELECT_TRANSACTION + " WHERE t.id = :id")
                .param("id", id)
                .query(LedgerRepository::transaction)
                .optional();
    }

    /** The account's transactions, newest first, as its statement (积分明细). */
    public List<StoredTransaction> statement(UUID account, int limit) {
        return jdbc.sql(SELECT_TRANSACTION + " WHERE t.account_id = :account OR t.counter_account_id = :account "
                        + "ORDER BY t.occurred_at DESC, t.id LIMIT :limit")
                .param("account", account)
                .param("limit", limit)
                .query(LedgerRepository::transaction)
                .list();
    }

    /** Accounts that hold points past their expiry, oldest accounts first. */
    public List<UUID> accountsWithExpiryDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT e.account_id FROM ledger_entry e JOIN points_account a ON a.id = e.account_id AND a.kind <> 'SYSTEM'
                GROUP BY e.account_id
                HAVING coalesce(sum(e.amount) FILTER (WHERE e.amount > 0 AND e.expires_at <= :now), 0)
                     + coalesce(sum(e.amount) FILTER (WHERE e.amount < 0), 0) > 0
                ORDER BY min(e.id) LIMIT :limit""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    private static final String SELECT_TRANSACTION = """
            SELECT t.*, (SELECT max(e.expires_at) FROM ledger_entry e WHERE e.transaction_id = t.id) AS expires_at
            FROM points_transaction t""";

    private static StoredTransaction transaction(ResultSet rs, int n) throws SQLException {
        Date day = rs.getDate("served_on");
        Timestamp expires = rs.getTimestamp("expires_at");
        return new StoredTransaction(
                rs.getObject("id", UUID.class),
                TransactionKind.valueOf(rs.getString("kind")),
                rs.getObject("account_id", UUID.class),
                rs.getObject("counter_account_id", UUID.class),
                rs.getLong("points"),
                rs.getLong("balance_after"),
                (Long) rs.getObject("counter_balance_after"),
                rs.getString("idempotency_key"),
                rs.getString("request_fingerprint"),
                rs.getObject("hours_id", UUID.class),
                day == null ? null : day.toLocalDate(),
                (Long) rs.getObject("computed_points"),
                (Integer) rs.getObject("multiplier_percent"),
                (Integer) rs.getObject("rule_version"),
                rs.getObject("reward_id", UUID.class),
                rs.getObject("donor_id", UUID.class),
                (Integer) rs.getObject("quantity"),
                rs.getString("note"),
                expires == null ? null : expires.toInstant(),
                rs.getTimestamp("occurred_at").toInstant());
    }
}
