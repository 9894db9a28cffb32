package org.wushe.hub.volunteer.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Double entry: every transaction's postings sum to zero, whatever kind it is. */
class LedgerTransactionTest {

    private final UUID volunteer = UUID.randomUUID();
    private final UUID elder = UUID.randomUUID();
    private final Instant inAYear = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void everyKindOfTransactionHasItsCounterEntry() {
        List<LedgerTransaction> all = List.of(
                LedgerTransaction.award(UUID.randomUUID(), volunteer, 30, inAYear),
                LedgerTransaction.redemption(UUID.randomUUID(), volunteer, 20),
                LedgerTransaction.gift(UUID.randomUUID(), volunteer, elder, 5, inAYear),
                LedgerTransaction.expiry(UUID.randomUUID(), volunteer, 5));

        assertThat(all).allSatisfy(tx -> {
            assertThat(tx.postings()).hasSize(2);
            assertThat(tx.postings().stream().mapToLong(Posting::amount).sum()).isZero();
        });
        assertThat(all.get(0).postings())
                .containsExactly(new Posting(SystemAccounts.ISSUANCE, -30, null), new Posting(volunteer, 30, inAYear));
        assertThat(all.get(1).postings())
                .containsExactly(new Posting(volunteer, -20, null), new Posting(SystemAccounts.REDEMPTION, 20, null));
        assertThat(all.get(2).postings())
                .containsExactly(new Posting(volunteer, -5, null), new Posting(elder, 5, inAYear));
        assertThat(all.get(3).postings())
                .containsExactly(new Posting(volunteer, -5, null), new Posting(SystemAccounts.EXPIRY, 5, null));
    }

    @Test
    void anUnbalancedTransactionCannotBeBuilt() {
        assertThatThrownBy(() -> new LedgerTransaction(
                        UUID.randomUUID(),
                        TransactionKind.AWARD,
                        volunteer,
                        SystemAccounts.ISSUANCE,
                        10,
                        List.of(Posting.debit(SystemAccounts.ISSUANCE, 10), Posting.credit(volunteer, 11, null))))
                .hasMessageContaining("sum to zero");
        assertThatThrownBy(() -> new LedgerTransaction(
                        UUID.randomUUID(),
                        TransactionKind.AWARD,
                        volunteer,
                        SystemAccounts.ISSUANCE,
                        10,
                        List.of(Posting.credit(volunteer, 10, null))))
                .hasMessageContaining("two postings");
    }

    @Test
    void postingsMovePointsAndOnlyCreditsExpire() {
        assertThatThrownBy(() -> new Posting(volunteer, 0, null)).hasMessageContaining("must not be 0");
        assertThatThrownBy(() -> new Posting(volunteer, -5, inAYear)).hasMessageContaining("only credits expire");
    }

    @Test
    void nothingIsMovedForNothingNorToOneself() {
        assertThatThrownBy(() -> LedgerTransaction.redemption(UUID.randomUUID(), volunteer, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerTransaction.gift(UUID.randomUUID(), volunteer, volunteer, 5, null))
                .hasMessageContaining("cannot pay itself");
        assertThatThrownBy(() -> LedgerTransaction.gift(UUID.randomUUID(), volunteer, SystemAccounts.ISSUANCE, 5, null))
                .hasMessageContaining("between people");
    }

    @Test
    void spendingMoreThanTheSpendableBalanceIsRefused() {
        AccountState state = new AccountState(volunteer, 100, 30, 10);

        assertThat(state.expiryDue()).isEqualTo(20);
        assertThat(state.spendable()).isEqualTo(80);
        state.requireSpendable(80);
        assertThatThrownBy(() -> state.requireSpendable(81))
                .isInstanceOf(InsufficientPointsException.class)
                .hasMessageContaining("has 80 points, 81 asked");
    }
}
