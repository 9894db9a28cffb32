package org.wushe.hub.volunteer.points;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.platform.web.IdempotencyKeys;

@RestController
@RequestMapping("/points")
@Tag(name = "points", description = "积分 Points accounts, statements, gifts (时间银行 time bank) and the points rules")
public class PointsController {

    private final PointsService points;
    private final PointsRulesService rules;

    public PointsController(PointsService points, PointsRulesService rules) {
        this.points = points;
        this.rules = rules;
    }

    public record NewGift(
            @NotNull UUID toAccountId,
            @NotNull @Positive @Max(1_000_000) Long points,
            @Size(max = 200) String note) {}

    public record NewTimeBankAccount(
            @NotNull Account.Holder holder,
            UUID sponsorVolunteerId,
            UUID residentRef,
            @Size(max = 30) String label) {}

    /** One line of a statement, seen from the account: a credit is positive, a debit negative. */
    public record StatementLine(
            UUID transactionId,
            TransactionKind kind,
            long points,
            long balance,
            UUID counterAccountId,
            UUID hoursId,
            UUID rewardId,
            Integer quantity,
            Integer ruleVersion,
            Instant expiresAt,
            Instant occurredAt) {
        static StatementLine of(UUID account, StoredTransaction t) {
            boolean counterSide = account.equals(t.counterAccountId());
            boolean credit = (t.kind() == TransactionKind.AWARD) != counterSide;
            long balance =
                    counterSide ? (t.counterBalanceAfter() == null ? 0 : t.counterBalanceAfter()) : t.balanceAfter();
            return new StatementLine(
                    t.id(),
                    t.kind(),
                    credit ? t.points() : -t.points(),
                    balance,
                    counterSide ? t.accountId() : t.counterAccountId(),
                    t.hoursId(),
                    t.rewardId(),
                    t.quantity(),
                    t.ruleVersion(),
                    credit ? t.expiresAt() : null,
                    t.occurredAt());
        }
    }

    @GetMapping("/accounts/{id}")
    @Operation(
            summary =
                    "Balance of a points account (a volunteer's account id is the volunteer id), and what expires soon")
    public PointsService.AccountView account(@PathVariable UUID id) {
        return points.account(id);
    }

    @GetMapping("/accounts/{id}/transactions")
    @Operation(summary = "Statement (积分明细): the account's transactions, newest first")
    public List<StatementLine> statement(
            @PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return points.statement(id, limit).stream()
                .map(t -> StatementLine.of(id, t))
                .toList();
    }

    @PostMapping("/accounts/{id}/gifts")
    @Operation(
            summary =
                    "Give points to another account (时间银行); needs an Idempotency-Key (a retry returns the first result with 200); publishes PointsGifted")
    public ResponseEntity<PointsService.Gift> gift(
            @PathVariable UUID id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody NewGift gift) {
        PointsService.GiftResult result =
                points.gift(id, gift.toAccountId(), gift.points(), IdempotencyKeys.require(key), gift.note());
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/points/accounts/" + id + "/transactions"))
                .header(IdempotencyKeys.REPLAYED, String.valueOf(result.replayed()))
                .body(result.gift());
    }

    @PostMapping("/time-bank-accounts")
    @Operation(summary = "Open a time-bank account (时间银行) for a volunteer's relative or an elder in hardship")
    public ResponseEntity<PointsService.AccountView> openTimeBank(@Valid @RequestBody NewTimeBankAccount r) {
        PointsService.AccountView a =
                points.openTimeBank(r.holder(), r.sponsorVolunteerId(), r.residentRef(), r.label());
        return ResponseEntity.created(URI.create("/points/accounts/" + a.accountId()))
                .body(a);
    }

    @GetMapping("/rules")
    @Operation(summary = "Every version of the points rules")
    public List<PointsRules> allRules() {
        return rules.all();
    }

    @GetMapping("/rules/current")
    @Operation(summary = "The points rules in effect now")
    public PointsRules currentRules() {
        return rules.current();
    }

    @PostMapping("/rules")
    @Operation(summary = "Add a version of the points rules, effective now or later")
    public ResponseEntity<PointsRules> addRules(@Valid @RequestBody PointsRulesService.NewRules r) {
        PointsRules added = rules.add(r);
        return ResponseEntity.created(URI.create("/points/rules")).body(added);
    }
}
