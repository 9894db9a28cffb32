package org.wushe.hub.volunteer.points;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.volunteer.GiftRecipient;
import org.wushe.hub.events.volunteer.PointsAwarded;
import org.wushe.hub.events.volunteer.PointsExpired;
import org.wushe.hub.events.volunteer.PointsGifted;

/** The points ledger's events: one per posted transaction, with the balance after it; each a new event id. */
final class PointsEvents {

    private PointsEvents() {}

    /** Points awarded for one hours credit, keyed by the volunteer. */
    static PointsAwarded awarded(
            LedgerTransaction tx,
            UUID volunteerId,
            UUID hoursId,
            Award award,
            PointsRules rulesInEffect,
            Instant expiresAt,
            StoredTransaction stored,
            Instant now) {
        return PointsAwarded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setTransactionId(tx.id())
                .setVolunteerId(volunteerId)
                .setCreditId(hoursId)
                .setPoints(award.points())
                .setComputedPoints(award.computedPoints())
                .setMultiplierPercent(award.multiplierPercent())
                .setRuleVersion(rulesInEffect.version())
                .setExpiresAt(expiresAt)
                .setBalance(stored.balanceAfter())
                .build();
    }

    /** The account's points written off unspent ({@code due}), leaving {@code after}. */
    static PointsExpired expired(LedgerTransaction tx, Account account, long due, long after, Instant now) {
        return PointsExpired.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setTransactionId(tx.id())
                .setAccountId(account.id())
                .setVolunteerId(account.volunteerId())
                .setPoints(due)
                .setBalance(after)
                .build();
    }

    /** Points given from one account to another (time bank 时间银行); only the recipient's kind of holder travels. */
    static PointsGifted gifted(
            LedgerTransaction tx,
            UUID fromId,
            UUID toId,
            Account to,
            long points,
            StoredTransaction stored,
            Instant now) {
        return PointsGifted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setTransactionId(tx.id())
                .setFromAccountId(fromId)
                .setToAccountId(toId)
                .setRecipient(GiftRecipient.valueOf(to.holder().name()))
                .setPoints(points)
                .setBalance(stored.balanceAfter())
                .setRecipientBalance(stored.counterBalanceAfter())
                .build();
    }
}
