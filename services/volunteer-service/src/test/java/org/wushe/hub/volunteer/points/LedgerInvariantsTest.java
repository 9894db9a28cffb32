package org.wushe.hub.volunteer.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;

/**
 * The database itself keeps the ledger honest: entries and transactions cannot be changed or deleted,
 * a transaction whose entries do not sum to zero does not commit, and the whole ledger sums to zero.
 */
class LedgerInvariantsTest extends ServiceScenario {

    @Autowired
    TransactionTemplate tx;

    @Test
    void theWholeLedgerAndEachTransactionSumToZeroAndTheSystemAccountsMirrorWhatHappened() {
        UUID volunteer = registerVolunteer(true, false);
        logHours(volunteer, 150, today());

        assertThat(jdbc.queryForObject("SELECT coalesce(sum(amount), 0) FROM ledger_entry", Long.class))
                .isZero();
        assertThat(jdbc.queryForList(
                        "SELECT transaction_id FROM ledger_entry GROUP BY transaction_id HAVING sum(amount) <> 0"))
                .isEmpty();
        assertThat(
                        jdbc.queryForList(
                                "SELECT id FROM points_transaction t WHERE (SELECT count(*) FROM ledger_entry e WHERE e.transaction_id = t.id) < 2"))
                .as("every transaction has its counter-entry")
                .isEmpty();
        Long issued = jdbc.queryForObject(
                "SELECT coalesce(sum(points), 0) FROM points_transaction WHERE kind = 'AWARD'", Long.class);
        assertThat(balanceOf(SystemAccounts.ISSUANCE)).isEqualTo(-issued);
        assertThat(balanceOf(SystemAccounts.REDEMPTION))
                .isEqualTo(jdbc.queryForObject(
                        "SELECT coalesce(sum(points), 0) FROM points_transaction WHERE kind = 'REDEMPTION'",
                        Long.class));
        assertThat(jdbc.queryForList("SELECT a.id FROM points_account a JOIN ledger_entry e ON e.account_id = a.id "
                        + "WHERE a.kind <> 'SYSTEM' GROUP BY a.id HAVING sum(e.amount) < 0"))
                .as("no person's balance below zero")
                .isEmpty();
    }

    @Test
    void entriesAndTransactionsCannotBeChangedOrDeleted() {
        UUID volunteer = registerVolunteer(false, false);
        logHours(volunteer, 60, today());

        for (String sql : List.of(
                "UPDATE ledger_entry SET amount = amount * 2 WHERE account_id = '" + volunteer + "'",
                "DELETE FROM ledger_entry WHERE account_id = '" + volunteer + "'",
                "TRUNCATE ledger_entry CASCADE",
                "UPDATE points_transaction SET points = 1000 WHERE account_id = '" + volunteer + "'",
                "DELETE FROM points_transaction WHERE account_id = '" + volunteer + "'")) {
            assertThatThrownBy(() -> jdbc.execute(sql))
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(balance(volunteer)).isEqualTo(10);
    }

    @Test
    void aTransactionWhoseEntriesDoNotBalanceDoesNotCommit() {
        UUID volunteer = registerVolunteer(false, false);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    jdbc.update(
                            "INSERT INTO points_transaction (id, kind, account_id, counter_account_id, points, balance_after, occurred_at) "
                                    + "VALUES (?, 'AWARD', ?, ?, 500, 500, ?)",
                            id,
                            volunteer,
                            SystemAccounts.ISSUANCE,
                            now);
                    jdbc.update(
                            "INSERT INTO ledger_entry (transaction_id, account_id, amount, occurred_at) VALUES (?, ?, 500, ?)",
                            id,
                            volunteer,
                            now);
                }))
                .hasStackTraceContaining("does not balance");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM points_transaction WHERE id = ?", Long.class, id))
                .isZero();
        assertThat(balance(volunteer)).isZero();
    }

    @Test
    void pointsRulesAreDataAndANewVersionChangesHowLaterHoursArePointed() {
        Http.Response current = http().get("/points/rules/current");
        assertThat(current.json().get("pointsPerHour").asInt()).isEqualTo(10);
        assertThat(current.json().get("flagPercent").get("YOUNG_OLD").asInt()).isEqualTo(200);
        Map<String, Object> rules = Map.of(
                "pointsPerHour",
                10,
                "flagPercent",
                Map.of("YOUNG_OLD", 200, "IN_HARDSHIP", 200),
                "difficultyPercent",
                Map.of("LIGHT", 100, "STANDARD", 100, "DEMANDING", 150, "SPECIALIST", 200),
                "categoryDifficulty",
                Map.of("HOME_REPAIR", "SPECIALIST", "LEGAL_ADVICE", "SPECIALIST", "ESCORT", "DEMANDING"),
                "defaultDifficulty",
                "STANDARD",
                "expiryDays",
                365,
                "dailyCap",
                100,
                "note",
                "manual hours earn no points");
        UUID volunteer = registerVolunteer(true, false);
        try {
            Map<String, Object> excluding = new java.util.HashMap<>(rules);
            excluding.put("manualHoursEarnPoints", false);
            Http.Response added = http().post("/points/rules", excluding);
            assertThat(added.status()).as(added.toString()).isEqualTo(201);

            Http.Response credit = http().post(
                            "/volunteers/" + volunteer + "/hours",
                            Map.of(
                                    "minutes",
                                    120,
                                    "servedOn",
                                    today().toString(),
                                    "stationId",
                                    HOURS_STATION.toString(),
                                    "category",
                                    "LEGAL_ADVICE"),
                            "Idempotency-Key",
                            "paper-log-7");
            assertThat(credit.status()).isEqualTo(201);
            assertThat(credit.json().get("pointsAwarded").asLong()).isZero();
            assertThat(credit.json().get("noPointsReason").asText()).contains("by hand");
            assertThat(credit.json().get("hours").get("source").asText()).isEqualTo("MANUAL");
            assertThat(credit.json().get("hours").get("difficulty").asText()).isEqualTo("SPECIALIST");
            Http.Response again = http().post(
                            "/volunteers/" + volunteer + "/hours",
                            Map.of(
                                    "minutes",
                                    120,
                                    "servedOn",
                                    today().toString(),
                                    "stationId",
                                    HOURS_STATION.toString(),
                                    "category",
                                    "LEGAL_ADVICE"),
                            "Idempotency-Key",
                            "paper-log-7");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("hours").get("id"))
                    .isEqualTo(credit.json().get("hours").get("id"));
            assertThat(http().get("/volunteers/" + volunteer + "/hours")
                            .json()
                            .get("totalMinutes")
                            .asLong())
                    .isEqualTo(120);
            assertThat(balance(volunteer)).isZero();
        } finally {
            // Back to the shipped rules (version 1), as a new version: versions are never changed.
            Map<String, Object> restore = Http.JSON.convertValue(
                    http().get("/points/rules").json().get(0),
                    new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
            restore.remove("version");
            restore.remove("effectiveFrom");
            assertThat(http().post("/points/rules", restore).status()).isEqualTo(201);
        }
        assertThat(logHours(volunteer, 60, today()).get("pointsAwarded").asLong())
                .isEqualTo(20);
        assertThat(http().get("/points/rules").json().size()).isGreaterThanOrEqualTo(3);
    }

    private long balanceOf(UUID account) {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(amount), 0) FROM ledger_entry WHERE account_id = ?", Long.class, account);
    }
}
