package org.wushe.hub.volunteer.rewards;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.volunteer.PointsRedeemed;
import org.wushe.hub.volunteer.points.Account;
import org.wushe.hub.volunteer.points.LedgerTransaction;
import org.wushe.hub.volunteer.points.StoredTransaction;

/** What the reward shop publishes: a redemption of points for a reward, keyed by the account; a new event id. */
final class RewardEvents {

    private RewardEvents() {}

    static PointsRedeemed redeemed(
            LedgerTransaction tx,
            UUID accountId,
            Account account,
            UUID rewardId,
            Reward reward,
            int quantity,
            long cost,
            StoredTransaction stored,
            Instant now) {
        return PointsRedeemed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setTransactionId(tx.id())
                .setAccountId(accountId)
                .setVolunteerId(account.volunteerId())
                .setRewardId(rewardId)
                .setDonorId(reward.donorId())
                .setQuantity(quantity)
                .setPoints(cost)
                .setBalance(stored.balanceAfter())
                .build();
    }
}
