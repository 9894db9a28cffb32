package org.wushe.hub.volunteer.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A posted ledger transaction with what it was about, as kept in {@code points_transaction}. The balances
 * are what the accounts held right after it (a record of the moment, not a stored balance: balances are
 * always sums of entries).
 */
public record StoredTransaction(
        UUID id,
        TransactionKind kind,
        UUID accountId,
        UUID counterAccountId,
        long points,
        long balanceAfter,
        Long counterBalanceAfter,
        String idempotencyKey,
        String requestFingerprint,
        UUID hoursId,
        LocalDate servedOn,
        Long computedPoints,
        Integer multiplierPercent,
        Integer ruleVersion,
        UUID rewardId,
        UUID donorId,
        Integer quantity,
        String note,
        Instant expiresAt,
        Instant occurredAt) {

    public static StoredTransaction of(LedgerTransaction tx, long balanceAfter, Instant occurredAt) {
        return new StoredTransaction(
                tx.id(),
                tx.kind(),
                tx.accountId(),
                tx.counterAccountId(),
                tx.points(),
                balanceAfter,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                occurredAt);
    }

    public StoredTransaction withAward(
            UUID hours, LocalDate day, long computed, int multiplier, int rules, Instant expires) {
        return new StoredTransaction(
                id,
                kind,
                accountId,
                counterAccountId,
                points,
                balanceAfter,
                counterBalanceAfter,
                idempotencyKey,
                requestFingerprint,
                hours,
                day,
                computed,
                multiplier,
                rules,
                rewardId,
                donorId,
                quantity,
                note,
                expires,
                occurredAt);
    }

    public StoredTransaction withRequest(String key, String fingerprint) {
        return new StoredTransaction(
                id,
                kind,
                accountId,
                counterAccountId,
                points,
                balanceAfter,
                counterBalanceAfter,
                key,
                fingerprint,
                hoursId,
                servedOn,
                computedPoints,
                multiplierPercent,
                ruleVersion,
                rewardId,
                donorId,
                quantity,
                note,
                expiresAt,
                occurredAt);
    }

    public StoredTransaction withReward(UUID reward, UUID donor, int count) {
        return new StoredTransaction(
                id,
                kind,
                accountId,
                counterAccountId,
                points,
                balanceAfter,
                counterBalanceAfter,
                idempotencyKey,
                requestFingerprint,
                hoursId,
                servedOn,
                computedPoints,
                multiplierPercent,
                ruleVersion,
                reward,
                donor,
                count,
                note,
                expiresAt,
                occurredAt);
    }

    public StoredTransaction withCounterparty(long counterBalance, String text, Instant expires) {
        return new StoredTransaction(
                id,
                kind,
                accountId,
                counterAccountId,
                points,
                balanceAfter,
                counterBalance,
                idempotencyKey,
                requestFingerprint,
                hoursId,
                servedOn,
                computedPoints,
                multiplierPercent,
                ruleVersion,
                rewardId,
                donorId,
                quantity,
                text,
                expires,
                occurredAt);
    }
}
