package org.wushe.hub.volunteer.points;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.web.IdempotencyKeys;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.web.Problems;

/**
 * The points ledger's operations: awards for service, gifts (time bank 时间银行) and expiry. Each runs
 * under the row lock of the account it debits or credits, posts one balanced transaction and publishes
 * its event through the outbox in the same database transaction.
 */
@Service
public class PointsService {

    /** The account statement's look-ahead for points about to expire. */
    public static final Duration EXPIRING_SOON = Duration.ofDays(30);

    private final PointsAccounts accounts;
    private final LedgerRepository ledger;
    private final PointsRulesRepository rules;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    public PointsService(
            PointsAccounts accounts,
            LedgerRepository ledger,
            PointsRulesRepository rules,
            OutboxWriter outbox,
            Clock clock,
            MeterRegistry meters) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    public record AwardOutcome(Award award, StoredTransaction transaction) {}

    /**
     * Awards points for one hours credit by the rules in effect, within the daily cap. Runs in the
     * caller's transaction, which holds the volunteer's account lock or gets it here.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AwardOutcome awardForHours(
            UUID volunteerId,
            UUID hoursId,
            int minutes,
            boolean manual,
            Set<VolunteerFlag> flags,
            ServiceDifficulty difficulty,
            LocalDate servedOn,
            PointsRules rulesInEffect,
            Instant now) {
        accounts.lock(volunteerId)
                .orElseThrow(() -> new IllegalStateException("volunteer " + volunteerId + " has no points account"));
        Award award = rulesInEffect.award(minutes, manual, flags, difficulty, ledger.awardedOn(volunteerId, servedOn));
        if (award.isNone()) {
            meters.counter("wushe.volunteer.points.awards", "outcome", "none").increment();
            return new AwardOutcome(award, null);
        }
        AccountState state = ledger.state(volunteerId, now);
        Instant expiresAt = rulesInEffect.expiryOf(now);
        LedgerTransaction tx = LedgerTransaction.award(UUID.randomUUID(), volunteerId, award.points(), expiresAt);
        StoredTransaction stored = StoredTransaction.of(tx, state.balance() + award.points(), now)
                .withAward(
                        hoursId,
                        servedOn,
                        award.computedPoints(),
                        award.multiplierPercent(),
                        rulesInEffect.version(),
                        expiresAt);
        ledger.post(tx, stored);
        outbox.publish(
                Aggregate.VOLUNTEER,
                volunteerId.toString(),
                PointsEvents.awarded(tx, volunteerId, hoursId, award, rulesInEffect, expiresAt, stored, now));
        meters.counter("wushe.volunteer.points.awards", "outcome", award.capped() ? "capped" : "awarded")
                .increment();
        meters.counter("wushe.volunteer.points.awarded").increment(award.points());
        return new AwardOutcome(award, stored);
    }

    /**
     * Writes off the account's points that expired unspent, and returns its state afterwards. The caller
     * holds the account's lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AccountState expireIfDue(Account account, Instant now) {
        AccountState state = ledger.state(account.id(), now);
        long due = state.expiryDue();
        if (due == 0) {
            return state;
        }
        LedgerTransaction tx = LedgerTransaction.expiry(UUID.randomUUID(), account.id(), due);
        long after = state.balance() - due;
        ledger.post(tx, StoredTransaction.of(tx, after, now));
        outbox.publish(
                Aggregate.VOLUNTEER, account.id().toString(), PointsEvents.expired(tx, account, due, after, now));
        meters.counter("wushe.volunteer.points.expired").increment(due);
        return new AccountState(account.id(), after, state.expiredCredits(), state.debits() + due);
    }

    /** Expiry of one account in its own transaction; 0 when nothing was due. */
    @Transactional
    public long expire(UUID accountId) {
        Instant now = now();
        Account account = accounts.lock(accountId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("points.account-not-found", accountId)));
        long before = ledger.balance(accountId);
        return before - expireIfDue(account, now).balance();
    }

    /** The award transaction of an hours credit, if the hours earned points. */
    @Transactional(readOnly = true)
    public Optional<StoredTransaction> awardFor(UUID hoursId) {
        return ledger.awardFor(hoursId);
    }

    // For rewards, which redeems points under the account's lock it holds: the ledger's own reads and writes, in its
    // transaction.

    /** The account's transaction of this kind made with this idempotency key, if any. */
    public Optional<StoredTransaction> byIdempotencyKey(UUID accountId, TransactionKind kind, String idempotencyKey) {
        return ledger.byIdempotencyKey(accountId, kind, idempotencyKey);
    }

    /** Posts one balanced transaction with its stored record. */
    public void post(LedgerTransaction tx, StoredTransaction stored) {
        ledger.post(tx, stored);
    }

    public List<UUID> accountsWithExpiryDue(int limit) {
        return ledger.accountsWithExpiryDue(now(), limit);
    }

    public record Gift(
            UUID transactionId,
            UUID fromAccountId,
            UUID toAccountId,
            long points,
            long balance,
            long recipientBalance,
            String note,
            Instant giftedAt) {
        static Gift of(StoredTransaction t) {
            return new Gift(
                    t.id(),
                    t.accountId(),
                    t.counterAccountId(),
                    t.points(),
                    t.balanceAfter(),
                    t.counterBalanceAfter() == null ? 0 : t.counterBalanceAfter(),
                    t.note(),
                    t.occurredAt());
        }
    }

    public record GiftResult(Gift gift, boolean replayed) {}

    /**
     * Gives points from a volunteer's account to another account (time bank 时间银行). A retried request
     * with the same idempotency key returns the first gift; the giver's balance never goes below zero.
     */
    @Transactional
    public GiftResult gift(UUID fromId, UUID toId, long points, String idempotencyKey, String note) {
        Instant now = now();
        if (fromId.equals(toId)) {
            throw new InvalidInputException("toAccountId", Messages.text("points.gift-to-self"));
        }
        Account from = accounts.find(fromId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("points.account-not-found", fromId)));
        if (from.kind() != Account.AccountKind.VOLUNTEER) {
            throw Problems.conflict("id", Messages.text("points.gift-not-volunteer"));
        }
        Account to = accounts.find(toId)
                .filter(a -> !a.isSystem())
                .orElseThrow(() -> Problems.notFound("toAccountId", Messages.text("points.account-not-found", toId)));
        // Both balances change: lock both, always in the same order, so two opposite gifts cannot deadlock.
        if (fromId.compareTo(toId) < 0) {
            accounts.lock(fromId);
            accounts.lock(toId);
        } else {
            accounts.lock(toId);
            accounts.lock(fromId);
        }
        String fingerprint = "to=" + toId + ";points=" + points;
        var earlier = ledger.byIdempotencyKey(fromId, TransactionKind.GIFT, idempotencyKey);
        if (earlier.isPresent()) {
            requireSameRequest(earlier.get(), fingerprint);
            return new GiftResult(Gift.of(earlier.get()), true);
        }
        AccountState giver = expireIfDue(from, now);
        AccountState recipient = expireIfDue(to, now);
        try {
            giver.requireSpendable(points);
        } catch (InsufficientPointsException e) {
            meters.counter("wushe.volunteer.points.gifts", "outcome", "insufficient")
                    .increment();
            throw Problems.conflict(
                    "points", Messages.text("points.insufficient", fromId, e.available(), e.requested()));
        }
        Instant expiresAt = rules.inEffectAt(now).expiryOf(now);
        LedgerTransaction tx = LedgerTransaction.gift(UUID.randomUUID(), fromId, toId, points, expiresAt);
        StoredTransaction stored = StoredTransaction.of(tx, giver.balance() - points, now)
                .withRequest(idempotencyKey, fingerprint)
                .withCounterparty(recipient.balance() + points, note, expiresAt);
        ledger.post(tx, stored);
        outbox.publish(
                Aggregate.VOLUNTEER, fromId.toString(), PointsEvents.gifted(tx, fromId, toId, to, points, stored, now));
        meters.counter("wushe.volunteer.points.gifts", "outcome", "gifted").increment();
        return new GiftResult(Gift.of(stored), false);
    }

    public record AccountView(
            UUID accountId,
            Account.AccountKind kind,
            Account.Holder holder,
            UUID volunteerId,
            UUID sponsorVolunteerId,
            UUID residentRef,
            String label,
            long balance,
            long expired,
            long spendable,
            long expiringWithin30Days) {}

    /** Balance and what is about to expire; expired points not yet written off are not spendable. */
    @Transactional(readOnly = true)
    public AccountView account(UUID id) {
        Account a = accounts.find(id)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("points.account-not-found", id)));
        Instant now = now();
        AccountState state = ledger.state(id, now);
        long expiringSoon = ledger.state(id, now.plus(EXPIRING_SOON)).expiryDue() - state.expiryDue();
        return new AccountView(
                a.id(),
                a.kind(),
                a.holder(),
                a.volunteerId(),
                a.sponsorVolunteerId(),
                a.residentRef(),
                a.label(),
                state.balance(),
                state.expiryDue(),
                state.spendable(),
                expiringSoon);
    }

    @Transactional(readOnly = true)
    public List<StoredTransaction> statement(UUID id, int limit) {
        accounts.find(id).orElseThrow(() -> Problems.notFound("id", Messages.text("points.account-not-found", id)));
        return ledger.statement(id, limit);
    }

    /** Opens a time-bank account for a volunteer's relative or for an elder in hardship. */
    @Transactional
    public AccountView openTimeBank(Account.Holder holder, UUID sponsorVolunteerId, UUID residentRef, String label) {
        if (holder != Account.Holder.RELATIVE && holder != Account.Holder.ELDER_IN_HARDSHIP) {
            throw new InvalidInputException("holder", Messages.text("points.holder-kind"));
        }
        if (holder == Account.Holder.RELATIVE && sponsorVolunteerId == null) {
            throw new InvalidInputException("sponsorVolunteerId", Messages.text("points.sponsor-required"));
        }
        if (holder == Account.Holder.ELDER_IN_HARDSHIP && residentRef == null) {
            throw new InvalidInputException("residentRef", Messages.text("points.resident-required"));
        }
        if (sponsorVolunteerId != null
                && accounts.find(sponsorVolunteerId)
                        .filter(a -> a.kind() == Account.AccountKind.VOLUNTEER)
                        .isEmpty()) {
            throw Problems.notFound("sponsorVolunteerId", Messages.text("volunteer.not-found", sponsorVolunteerId));
        }
        Account a = new Account(
                UUID.randomUUID(),
                Account.AccountKind.TIME_BANK,
                null,
                holder,
                sponsorVolunteerId,
                residentRef,
                label,
                now());
        accounts.openTimeBank(a);
        return account(a.id());
    }

    static void requireSameRequest(StoredTransaction earlier, String fingerprint) {
        if (!fingerprint.equals(earlier.requestFingerprint())) {
            throw IdempotencyKeys.reused(earlier.requestFingerprint());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
