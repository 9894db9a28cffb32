package org.wushe.hub.volunteer.rewards;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.web.IdempotencyKeys;
import org.wushe.hub.volunteer.VolunteerProperties;
import org.wushe.hub.volunteer.points.Account;
import org.wushe.hub.volunteer.points.AccountState;
import org.wushe.hub.volunteer.points.InsufficientPointsException;
import org.wushe.hub.volunteer.points.LedgerTransaction;
import org.wushe.hub.volunteer.points.PointsAccounts;
import org.wushe.hub.volunteer.points.PointsService;
import org.wushe.hub.volunteer.points.StoredTransaction;
import org.wushe.hub.volunteer.points.TransactionKind;
import org.wushe.hub.volunteer.web.Problems;

/**
 * Redeems points for rewards (积分兑换). Safe under concurrency and retries: the account's row lock
 * serializes every spend of one account, the balance is checked under that lock, and the idempotency
 * key (unique per account) makes a retried request return the first redemption.
 */
@Service
public class RedemptionService {

    private final PointsAccounts accounts;
    private final PointsService points;
    private final RewardRepository rewards;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final VolunteerProperties properties;
    private final MeterRegistry meters;

    public RedemptionService(
            PointsAccounts accounts,
            PointsService points,
            RewardRepository rewards,
            OutboxWriter outbox,
            Clock clock,
            VolunteerProperties properties,
            MeterRegistry meters) {
        this.accounts = accounts;
        this.points = points;
        this.rewards = rewards;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /** A redemption: show {@code redemptionId} at the shop as the voucher. */
    public record Redemption(
            UUID redemptionId,
            UUID accountId,
            UUID rewardId,
            UUID donorId,
            int quantity,
            long points,
            long balance,
            Instant redeemedAt) {
        static Redemption of(StoredTransaction t) {
            return new Redemption(
                    t.id(),
                    t.accountId(),
                    t.rewardId(),
                    t.donorId(),
                    t.quantity() == null ? 0 : t.quantity(),
                    t.points(),
                    t.balanceAfter(),
                    t.occurredAt());
        }
    }

    public record Result(Redemption redemption, boolean replayed) {}

    @Transactional
    public Result redeem(UUID accountId, UUID rewardId, int quantity, String idempotencyKey) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Account account = accounts.lock(accountId)
                .filter(a -> !a.isSystem())
                .orElseThrow(() -> Problems.notFound("id", Messages.text("points.account-not-found", accountId)));
        String fingerprint = "reward=" + rewardId + ";quantity=" + quantity;
        // Looked up under the lock: a concurrent retry waits for the first and then finds it here.
        Optional<StoredTransaction> earlier =
                points.byIdempotencyKey(accountId, TransactionKind.REDEMPTION, idempotencyKey);
        if (earlier.isPresent()) {
            if (!fingerprint.equals(earlier.get().requestFingerprint())) {
                throw IdempotencyKeys.reused(earlier.get().requestFingerprint());
            }
            meters.counter("wushe.volunteer.redemptions", "outcome", "replayed").increment();
            return new Result(Redemption.of(earlier.get()), true);
        }
        Reward reward = rewards.find(rewardId)
                .orElseThrow(() -> Problems.notFound("rewardId", Messages.text("reward.not-found", rewardId)));
        if (!reward.active()) {
            throw Problems.conflict("rewardId", Messages.text("redemption.withdrawn"));
        }
        if (reward.validUntil() != null && reward.validUntil().isBefore(LocalDate.ofInstant(now, properties.zone()))) {
            throw Problems.conflict("rewardId", Messages.text("redemption.expired", reward.validUntil()));
        }
        long cost;
        try {
            cost = Math.multiplyExact(reward.pointsCost(), quantity);
        } catch (ArithmeticException e) {
            throw Problems.conflict("quantity", Messages.text("redemption.too-many"));
        }
        AccountState state = points.expireIfDue(account, now);
        try {
            state.requireSpendable(cost);
        } catch (InsufficientPointsException e) {
            meters.counter("wushe.volunteer.redemptions", "outcome", "insufficient")
                    .increment();
            throw Problems.conflict(
                    "points", Messages.text("points.insufficient", accountId, e.available(), e.requested()));
        }
        if (!rewards.takeStock(rewardId, quantity)) {
            meters.counter("wushe.volunteer.redemptions", "outcome", "out-of-stock")
                    .increment();
            throw Problems.conflict("quantity", Messages.text("redemption.out-of-stock"));
        }
        LedgerTransaction tx = LedgerTransaction.redemption(UUID.randomUUID(), accountId, cost);
        StoredTransaction stored = StoredTransaction.of(tx, state.balance() - cost, now)
                .withRequest(idempotencyKey, fingerprint)
                .withReward(rewardId, reward.donorId(), quantity);
        points.post(tx, stored);
        outbox.publish(
                Aggregate.VOLUNTEER,
                accountId.toString(),
                RewardEvents.redeemed(tx, accountId, account, rewardId, reward, quantity, cost, stored, now));
        meters.counter("wushe.volunteer.redemptions", "outcome", "redeemed").increment();
        return new Result(Redemption.of(stored), false);
    }
}
