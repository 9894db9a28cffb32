package org.wushe.hub.volunteer.points;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A double-entry transaction of the points ledger: every credit has its counter-entry, so the postings
 * sum to zero and the whole ledger always does. The only ways to build one are the four kinds below.
 */
public record LedgerTransaction(
        UUID id, TransactionKind kind, UUID accountId, UUID counterAccountId, long points, List<Posting> postings) {

    public LedgerTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        postings = List.copyOf(postings);
        if (points <= 0) {
            throw new IllegalArgumentException("a transaction moves a positive number of points: " + points);
        }
        if (accountId.equals(counterAccountId)) {
            throw new IllegalArgumentException("an account cannot pay itself: " + accountId);
        }
        if (postings.size() < 2) {
            throw new IllegalArgumentException("double entry needs at least two postings");
        }
        long sum = 0;
        for (Posting p : postings) {
            sum = Math.addExact(sum, p.amount());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("postings of a transaction must sum to zero, not " + sum);
        }
    }

    /** Points earned by service: issued by the hub, credited to the volunteer, expiring as the rules say. */
    public static LedgerTransaction award(UUID id, UUID volunteerAccount, long points, Instant expiresAt) {
        return new LedgerTransaction(
                id,
                TransactionKind.AWARD,
                volunteerAccount,
                SystemAccounts.ISSUANCE,
                points,
                List.of(
                        Posting.debit(SystemAccounts.ISSUANCE, points),
                        Posting.credit(volunteerAccount, points, expiresAt)));
    }

    /** Points spent on a reward. */
    public static LedgerTransaction redemption(UUID id, UUID account, long points) {
        return new LedgerTransaction(
                id,
                TransactionKind.REDEMPTION,
                account,
                SystemAccounts.REDEMPTION,
                points,
                List.of(Posting.debit(account, points), Posting.credit(SystemAccounts.REDEMPTION, points, null)));
    }

    /** Points given to another account; the recipient's points expire as newly credited points do. */
    public static LedgerTransaction gift(UUID id, UUID from, UUID to, long points, Instant expiresAt) {
        if (SystemAccounts.isSystem(to) || SystemAccounts.isSystem(from)) {
            throw new IllegalArgumentException("gifts are between people's accounts");
        }
        return new LedgerTransaction(
                id,
                TransactionKind.GIFT,
                from,
                to,
                points,
                List.of(Posting.debit(from, points), Posting.credit(to, points, expiresAt)));
    }

    /** Points written off because they were not spent before their expiry. */
    public static LedgerTransaction expiry(UUID id, UUID account, long points) {
        return new LedgerTransaction(
                id,
                TransactionKind.EXPIRY,
                account,
                SystemAccounts.EXPIRY,
                points,
                List.of(Posting.debit(account, points), Posting.credit(SystemAccounts.EXPIRY, points, null)));
    }
}
