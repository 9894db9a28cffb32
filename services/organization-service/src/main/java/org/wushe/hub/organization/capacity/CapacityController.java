package org.wushe.hub.organization.capacity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.organization.WithdrawalReason;
import org.wushe.hub.platform.web.Known;

@RestController
@Validated
@Tag(name = "capacity", description = "服务能力 Service capacity organizations offer to matching")
public class CapacityController {

    public record SlotRequest(
            @NotNull DayOfWeek day,
            @NotNull LocalTime start,
            @NotNull LocalTime end) {}

    /**
     * People per session in weekly slots (local times, Asia/Shanghai) from {@code validFrom} to
     * {@code validUntil} (inclusive days). {@code geohash} defaults to the organization's.
     */
    public record OfferCapacity(
            @NotBlank @Size(max = 100) String title,
            @NotNull @Known Category category,
            @Size(max = 16) List<@NotNull @Known Skill> skills,

            @Size(max = 8)
            List<
                            @NotBlank
                            @Pattern(
                                    regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                                    message = "must be a BCP 47 tag such as en")
                            String>
                    languages,

            @Size(max = 16) List<@NotNull @Known BeneficiaryGroup> beneficiaryGroups,
            @NotNull @Positive @Max(1000) Integer capacityPerSlot,
            @Positive @Max(720) Integer sessionMinutes,
            @NotEmpty @Size(max = 28) List<@NotNull @Valid SlotRequest> weeklySlots,
            @NotNull LocalDate validFrom,
            @NotNull LocalDate validUntil,
            @Size(max = 12) String geohash,
            @Size(max = 100) List<@NotNull UUID> servedCommunityIds) {}

    public record Withdraw(@NotNull @Known WithdrawalReason reason) {}

    private final CapacityService service;

    public CapacityController(CapacityService service) {
        this.service = service;
    }

    @PostMapping("/organizations/{organizationId}/capacities")
    @Operation(summary = "Offer service capacity; publishes ServiceCapacityOffered (revision 1)")
    public ResponseEntity<ServiceCapacity> offer(
            @PathVariable UUID organizationId, @Valid @RequestBody OfferCapacity request) {
        ServiceCapacity c = service.offer(organizationId, request);
        return ResponseEntity.created(URI.create("/capacities/" + c.id())).body(c);
    }

    @PutMapping("/capacities/{id}")
    @Operation(summary = "Change an offer as a whole; publishes ServiceCapacityOffered with the next revision")
    public ServiceCapacity change(@PathVariable UUID id, @Valid @RequestBody OfferCapacity request) {
        return service.change(id, request);
    }

    @PostMapping("/capacities/{id}/withdraw")
    @Operation(summary = "Take the offer back; publishes ServiceCapacityWithdrawn")
    public ServiceCapacity withdraw(@PathVariable UUID id, @Valid @RequestBody Withdraw request) {
        return service.withdraw(id, request.reason());
    }

    @GetMapping("/capacities/{id}")
    public ServiceCapacity get(@PathVariable UUID id) {
        return service.get(id);
    }

    @GetMapping("/capacities")
    @Operation(summary = "Offers, by organization, category, status or community served")
    public List<ServiceCapacity> list(
            @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) ServiceCapacity.Status status,
            @RequestParam(required = false) UUID communityId,
            @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
            @RequestParam(defaultValue = "100") @PositiveOrZero @Max(1000) int limit) {
        return service.list(
                new CapacityRepository.Filter(organizationId, category, status, communityId), offset, limit);
    }

    @GetMapping("/organizations/{organizationId}/capacities")
    public List<ServiceCapacity> byOrganization(@PathVariable UUID organizationId) {
        service.requireOrganization(organizationId);
        return service.list(new CapacityRepository.Filter(organizationId, null, null, null), 0, 1000);
    }
}
