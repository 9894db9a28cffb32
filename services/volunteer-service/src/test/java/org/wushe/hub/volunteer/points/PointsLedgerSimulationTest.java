package org.wushe.hub.volunteer.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ledger arithmetic under thousands of random awards, redemptions, gifts and expiries, on an
 * in-memory ledger that does what the database adapter does with the same domain objects. Checked
 * after every step: all entries sum to zero, no person's balance is negative, the daily cap holds, and
 * what {@link AccountState} says is spendable equals a plain reference model of lots consumed oldest
 * expiry first.
 */
class PointsLedgerSimulationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Short expiry and a cap, so that both happen often. */
    private final PointsRules rules = new PointsRules(
            1,
            10,
            PointsRules.defaults().flagPercent(),
            false,
            PointsRules.defaults().difficultyPercent(),
            PointsRules.defaults().categoryDifficulty(),
            ServiceDifficulty.STANDARD,
            true,
            30,
            100L,
            Instant.EPOCH,
            "simulation");

    /** An entry as the ledger_entry table keeps it. */
    record Entry(UUID tx, TransactionKind kind, UUID account, long amount, Instant expiresAt, LocalDate servedOn) {}

    /** What the service does, over a list instead of a table. */
    final class MemoryLedger {
        final List<Entry> entries = new ArrayList<>();

        AccountState state(UUID account, Instant now) {
            long balance = 0, expired = 0, debits = 0;
            for (Entry e : entries) {
                if (!e.account().equals(account)) {
                    continue;
                }
                balance += e.amount();
                if (e.amount() > 0 && e.expiresAt() != null && !e.expiresAt().isAfter(now)) {
                    expired += e.amount();
                }
                if (e.amount() < 0) {
                    debits -= e.amount();
                }
            }
            return new AccountState(account, balance, expired, debits);
        }

        void post(LedgerTransaction tx, LocalDate servedOn) {
            for (Posting p : tx.postings()) {
                entries.add(new Entry(tx.id(), tx.kind(), p.accountId(), p.amount(), p.expiresAt(), servedOn));
            }
        }

        long awardedOn(UUID account, LocalDate day) {
            return entries.stream()
                    .filter(e -> e.kind() == TransactionKind.AWARD
                            && e.account().equals(account)
                            && day.equals(e.servedOn()))
                    .mapToLong(Entry::amount)
                    .sum();
        }

        long award(UUID account, int minutes, Set<VolunteerFlag> flags, ServiceDifficulty d, Instant now) {
            LocalDate day = LocalDate.ofInstant(now, SHANGHAI);
            Award a = rules.award(minutes, false, flags, d, awardedOn(account, day));
            if (!a.isNone()) {
                post(LedgerTransaction.award(UUID.randomUUID(), account, a.points(), rules.expiryOf(now)), day);
            }
            return a.points();
        }

        AccountState expire(UUID account, Instant now) {
            AccountState s = state(account, now);
            if (s.expiryDue() > 0) {
                post(LedgerTransaction.expiry(UUID.randomUUID(), account, s.expiryDue()), null);
            }
            return state(account, now);
        }

        void redeem(UUID account, long points, Instant now) {
            expire(account, now).requireSpendable(points);
            post(LedgerTransaction.redemption(UUID.randomUUID(), account, points), null);
        }

        void gift(UUID from, UUID to, long points, Instant now) {
            AccountState giver = expire(from, now);
            expire(to, now);
            giver.requireSpendable(points);
            post(LedgerTransaction.gift(UUID.randomUUID(), from, to, points, rules.expiryOf(now)), null);
        }
    }

    /** The reference: explicit lots, spent oldest expiry first, dropped when expired. */
    static final class Lots {
        final Map<UUID, List<long[]>> byAccount = new HashMap<>(); // [remaining, expiresAtMillis]

        void credit(UUID account, long points, Instant expiresAt) {
            byAccount.computeIfAbsent(account, a -> new ArrayList<>()).add(new long[] {points, expiresAt.toEpochMilli()
            });
        }

        long unexpired(UUID account, Instant now) {
            return byAccount.getOrDefault(account, List.of()).stream()
                    .filter(l -> l[1] > now.toEpochMilli())
                    .mapToLong(l -> l[0])
                    .sum();
        }

        void spend(UUID account, long points, Instant now) {
            List<long[]> lots = new ArrayList<>(byAccount.getOrDefault(account, List.of()));
            lots.removeIf(l -> l[1] <= now.toEpochMilli());
            lots.sort(Comparator.comparingLong(l -> l[1]));
            long left = points;
            for (long[] l : lots) {
                long take = Math.min(left, l[0]);
                l[0] -= take;
                left -= take;
            }
            if (left > 0) {
                throw new IllegalStateException("reference overspent");
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2026, 31337})
    void randomHistoriesKeepEveryInvariant(long seed) {
        Random random = new Random(seed);
        MemoryLedger ledger = new MemoryLedger();
        Lots reference = new Lots();
        List<UUID> people = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<UUID, Set<VolunteerFlag>> flags = Map.of(
                people.get(0),
                EnumSet.of(VolunteerFlag.YOUNG_OLD),
                people.get(1),
                EnumSet.of(VolunteerFlag.IN_HARDSHIP),
                people.get(2),
                EnumSet.noneOf(VolunteerFlag.class),
                people.get(3),
                EnumSet.noneOf(VolunteerFlag.class));
        Instant now = Instant.parse("2026-01-05T01:00:00Z");
        int refused = 0;

        for (int step = 0; step < 2_000; step++) {
            now = now.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
            UUID who = people.get(random.nextInt(people.size()));
            int op = random.nextInt(10);
            if (op < 4) {
                ServiceDifficulty d = ServiceDifficulty.values()[random.nextInt(ServiceDifficulty.values().length)];
                long points = ledger.award(who, 1 + random.nextInt(8 * 60), flags.get(who), d, now);
                if (points > 0) {
                    reference.credit(who, points, rules.expiryOf(now));
                }
            } else if (op < 7) {
                long points = 1 + random.nextInt(80);
                try {
                    ledger.redeem(who, points, now);
                    reference.spend(who, points, now);
                } catch (InsufficientPointsException e) {
                    refused++;
                    assertThat(reference.unexpired(who, now))
                            .as("refused only when really short")
                            .isLessThan(points);
                }
            } else if (op < 9) {
                UUID to = people.get(random.nextInt(people.size()));
                if (to.equals(who)) {
                    continue;
                }
                long points = 1 + random.nextInt(50);
                try {
                    ledger.gift(who, to, points, now);
                    reference.spend(who, points, now);
                    reference.credit(to, points, rules.expiryOf(now));
                } catch (InsufficientPointsException e) {
                    refused++;
                    assertThat(reference.unexpired(who, now)).isLessThan(points);
                }
            } else {
                ledger.expire(who, now);
            }

            assertThat(ledger.entries.stream().mapToLong(Entry::amount).sum())
                    .as("whole ledger, step %d", step)
                    .isZero();
            for (UUID p : people) {
                AccountState s = ledger.state(p, now);
                assertThat(s.balance()).as("balance of %s at step %d", p, step).isNotNegative();
                assertThat(s.spendable())
                        .as("spendable of %s at step %d", p, step)
                        .isEqualTo(reference.unexpired(p, now));
            }
        }
        Map<String, Long> perDay = new HashMap<>();
        ledger.entries.stream()
                .filter(e -> e.kind() == TransactionKind.AWARD && e.amount() > 0)
                .forEach(e -> perDay.merge(e.account() + "@" + e.servedOn(), e.amount(), Long::sum));
        assertThat(perDay.values()).allSatisfy(total -> assertThat(total).isLessThanOrEqualTo(rules.dailyCap()));
        assertThat(refused).as("the history should include refusals").isPositive();
        assertThat(ledger.entries).anySatisfy(e -> assertThat(e.kind()).isEqualTo(TransactionKind.EXPIRY));
        assertThat(ledger.entries).anySatisfy(e -> assertThat(e.kind()).isEqualTo(TransactionKind.GIFT));
    }

    @Test
    void pointsSpentBeforeTheyExpireAreTakenFromTheOldestAndTheRestExpiresLater() {
        MemoryLedger ledger = new MemoryLedger();
        UUID v = UUID.randomUUID();
        Instant jan = Instant.parse("2026-01-10T02:00:00Z");
        Instant feb = Instant.parse("2026-02-01T02:00:00Z");
        ledger.award(v, 6 * 60, Set.of(), ServiceDifficulty.STANDARD, jan); // 60, expires 9 Feb
        ledger.award(v, 6 * 60, Set.of(), ServiceDifficulty.STANDARD, feb); // 60, expires 3 Mar
        ledger.redeem(v, 90, feb.plus(Duration.ofDays(2))); // takes Jan's 60 and 30 of Feb's

        AccountState mid = ledger.expire(v, Instant.parse("2026-02-20T00:00:00Z"));
        assertThat(mid.balance())
                .as("January's lot was spent, nothing to expire")
                .isEqualTo(30);
        AccountState after = ledger.expire(v, Instant.parse("2026-03-05T00:00:00Z"));
        assertThat(after.balance()).isZero();
        assertThat(ledger.entries)
                .filteredOn(
                        e -> e.kind() == TransactionKind.EXPIRY && e.account().equals(v))
                .extracting(Entry::amount)
                .containsExactly(-30L);
    }

    @Test
    void aGiftIsADebitOfTheGiverAndACreditOfTheRecipientAndNeverOverdraws() {
        MemoryLedger ledger = new MemoryLedger();
        UUID volunteer = UUID.randomUUID();
        UUID elder = UUID.randomUUID();
        Instant now = Instant.parse("2026-04-01T02:00:00Z");
        ledger.award(volunteer, 3 * 60, Set.of(VolunteerFlag.YOUNG_OLD), ServiceDifficulty.STANDARD, now); // 60

        ledger.gift(volunteer, elder, 45, now);

        assertThat(ledger.state(volunteer, now).balance()).isEqualTo(15);
        assertThat(ledger.state(elder, now).balance()).isEqualTo(45);
        assertThatThrownBy(() -> ledger.gift(volunteer, elder, 16, now))
                .isInstanceOf(InsufficientPointsException.class);
        assertThat(ledger.entries.stream().mapToLong(Entry::amount).sum()).isZero();
    }
}
