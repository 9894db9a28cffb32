package org.wushe.hub.volunteer.points;

import java.util.UUID;

/**
 * What the ledger says about one account at one moment, from sums of its entries.
 *
 * <p>Spending uses the points that expire first (FIFO by expiry), and expired points are written off
 * before anything else is spent. So the points that have expired unspent by now are the credits whose
 * expiry has passed, less everything ever debited from the account (write-offs included), if positive.
 *
 * @param balance        sum of all entries of the account
 * @param expiredCredits sum of the account's credits whose expiry has passed
 * @param debits         sum of the account's debits, as a positive number
 */
public record AccountState(UUID accountId, long balance, long expiredCredits, long debits) {

    /** Points that have expired unspent and are still on the account: to be written off. */
    public long expiryDue() {
        return Math.max(0, expiredCredits - debits);
    }

    /** What the account may spend now: the balance less what has expired. */
    public long spendable() {
        return balance - expiryDue();
    }

    /** Refuses to spend more than is spendable: a balance never goes below zero. */
    public void requireSpendable(long points) {
        if (points > spendable()) {
            throw new InsufficientPointsException(accountId, points, spendable());
        }
    }
}
