package org.wushe.hub.volunteer.points;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a ledger transaction: a credit (positive) or debit (negative) of one account. A credit
 * may carry when it expires.
 */
public record Posting(UUID accountId, long amount, Instant expiresAt) {

    public Posting {
        Objects.requireNonNull(accountId, "accountId");
        if (amount == 0) {
            throw new IllegalArgumentException("a posting moves points: amount must not be 0");
        }
        if (expiresAt != null && amount < 0) {
            throw new IllegalArgumentException("only credits expire");
        }
    }

    public static Posting credit(UUID account, long points, Instant expiresAt) {
        return new Posting(account, points, expiresAt);
    }

    public static Posting debit(UUID account, long points) {
        return new Posting(account, Math.negateExact(points), null);
    }
}
