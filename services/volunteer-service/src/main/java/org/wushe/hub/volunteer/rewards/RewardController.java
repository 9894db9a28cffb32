package org.wushe.hub.volunteer.rewards;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.platform.web.IdempotencyKeys;

@RestController
@Tag(name = "rewards", description = "兑换奖励 Rewards of caring shops (爱心商家), redeemed with points")
public class RewardController {

    private final RewardService rewards;
    private final RedemptionService redemptions;

    public RewardController(RewardService rewards, RedemptionService redemptions) {
        this.rewards = rewards;
        this.redemptions = redemptions;
    }

    public record NewRedemption(
            @NotNull UUID rewardId, @Min(1) @Max(100) Integer quantity) {}

    @PostMapping("/rewards")
    @Operation(summary = "Offer a reward for points; the donor must be a caring shop known from the resource service")
    public ResponseEntity<Reward> offer(@Valid @RequestBody RewardService.NewReward request) {
        Reward r = rewards.offer(request);
        return ResponseEntity.created(URI.create("/rewards/" + r.id())).body(r);
    }

    @GetMapping("/rewards")
    @Operation(summary = "Rewards, of one shop if given; only those on offer unless activeOnly=false")
    public List<Reward> list(
            @RequestParam(required = false) UUID donorId,
            @RequestParam(defaultValue = "true") boolean activeOnly,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return rewards.list(donorId, activeOnly, limit);
    }

    @GetMapping("/rewards/{id}")
    public Reward get(@PathVariable UUID id) {
        return rewards.get(id);
    }

    @DeleteMapping("/rewards/{id}")
    @Operation(summary = "Withdraw a reward (no longer offered); redemptions already made stay valid")
    public Reward withdraw(@PathVariable UUID id) {
        return rewards.withdraw(id);
    }

    @PostMapping("/points/accounts/{id}/redemptions")
    @Operation(
            summary =
                    "Redeem points for a reward; needs an Idempotency-Key (a retry returns the first result with 200; the key reused for another request: 422); never below zero; publishes PointsRedeemed")
    public ResponseEntity<RedemptionService.Redemption> redeem(
            @PathVariable UUID id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody NewRedemption request) {
        RedemptionService.Result result = redemptions.redeem(
                id,
                request.rewardId(),
                request.quantity() == null ? 1 : request.quantity(),
                IdempotencyKeys.require(key));
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/points/accounts/" + id + "/transactions"))
                .header(IdempotencyKeys.REPLAYED, String.valueOf(result.replayed()))
                .body(result.redemption());
    }
}
