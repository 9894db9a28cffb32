package org.wushe.hub.community.need;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;

/**
 * Needs carry no personal data (the resident only as {@code residentRef}, titles screened): any signed-in
 * caller reads them. Only the staff of a need's community (or the hub admin) publish, edit and move it.
 */
@RestController
@RequestMapping("/needs")
@Tag(
        name = "needs",
        description = "居民需求 Needs: published → matched → accepted → in service → fulfilled, or cancelled / expired")
public class NeedController {

    public record QuantityRequest(
            @NotNull @Positive @Max(NeedRules.MAX_COUNT) Integer amount,
            @NotNull QuantityUnit unit) {}

    /** A need as staff publish it. {@code stationId} may be left out when one station serves the community. */
    public record NeedRequest(
            @NotNull UUID communityId,
            UUID stationId,
            UUID gridId,
            UUID residentId,
            NeedSource source,
            @NotNull Category category,
            @NotNull Urgency urgency,
            @NotNull BeneficiaryGroup beneficiaryGroup,
            @Positive @Max(NeedRules.MAX_COUNT) Integer beneficiaryCount,
            @NotBlank @Size(max = NeedRules.MAX_TITLE) String title,
            @Size(max = 12) String geohash,
            @NotNull Instant start,
            @NotNull Instant end,
            @Valid QuantityRequest quantity,
            @Size(max = NeedRules.MAX_SKILLS) List<@NotNull Skill> requiredSkills,

            @Size(max = NeedRules.MAX_LANGUAGES)
            List<@NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "{need.language-tag}") String>
                    requiredLanguages,

            @Positive @Max(NeedRules.MAX_MINUTES) Integer estimatedMinutes) {

        public NeedDraft toDraft() {
            return new NeedDraft(
                    communityId,
                    stationId,
                    gridId,
                    residentId,
                    source,
                    category,
                    urgency,
                    beneficiaryGroup,
                    beneficiaryCount,
                    title,
                    geohash,
                    start,
                    end,
                    quantity == null ? null : quantity.amount(),
                    quantity == null ? null : quantity.unit(),
                    requiredSkills,
                    requiredLanguages,
                    estimatedMinutes);
        }
    }

    public record StatusChange(@NotNull NeedStatus status, UUID matchId) {}

    /** A need as the API shows it: the resident only as the pseudonymous {@code residentRef}. */
    public record NeedView(
            UUID id,
            UUID communityId,
            UUID stationId,
            UUID gridId,
            UUID residentRef,
            NeedSource source,
            Category category,
            Urgency urgency,
            BeneficiaryGroup beneficiaryGroup,
            int beneficiaryCount,
            String title,
            String geohash,
            Instant start,
            Instant end,
            QuantityRequest quantity,
            List<Skill> requiredSkills,
            List<String> requiredLanguages,
            Integer estimatedMinutes,
            NeedStatus status,
            int revision,
            UUID matchId,
            UUID seriesId,
            Integer occurrence,
            UUID importJobId,
            Integer importRow,
            UUID visitId,
            UUID hazardId,
            Instant createdAt,
            Instant updatedAt) {

        public static NeedView of(Need n) {
            NeedDraft d = n.details();
            return new NeedView(
                    n.id(),
                    d.communityId(),
                    d.stationId(),
                    d.gridId(),
                    n.residentRef(),
                    d.source(),
                    d.category(),
                    d.urgency(),
                    d.beneficiaryGroup(),
                    d.beneficiaryCount(),
                    d.title(),
                    d.geohash(),
                    d.start(),
                    d.end(),
                    d.quantityAmount() == null ? null : new QuantityRequest(d.quantityAmount(), d.quantityUnit()),
                    d.requiredSkills(),
                    d.requiredLanguages(),
                    d.estimatedMinutes(),
                    n.status(),
                    n.revision(),
                    n.matchId(),
                    n.origin().seriesId(),
                    n.origin().occurrence(),
                    n.origin().importJobId(),
                    n.origin().importRow(),
                    n.origin().visitId(),
                    n.origin().hazardId(),
                    n.createdAt(),
                    n.updatedAt());
        }
    }

    private final NeedService service;

    public NeedController(NeedService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Publish a need (or a micro-wish, source MICRO_WISH); publishes NeedPublished")
    public ResponseEntity<NeedView> publish(@Valid @RequestBody NeedRequest request) {
        Access.requireTenant("communityId", request.communityId(), Roles.COMMUNITY_STAFF);
        Need n = service.publish(request.toDraft());
        return ResponseEntity.created(URI.create("/needs/" + n.id())).body(NeedView.of(n));
    }

    @GetMapping("/{id}")
    public NeedView get(@PathVariable UUID id) {
        refuseResidentAlone("id");
        return NeedView.of(service.get(id));
    }

    @GetMapping
    public List<NeedView> list(
            @RequestParam(required = false) UUID communityId,
            @RequestParam(required = false) UUID stationId,
            @RequestParam(required = false) NeedStatus status,
            @RequestParam(required = false) UUID seriesId,
            @RequestParam(required = false) UUID importJobId,
            @RequestParam(required = false) UUID visitId,
            @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
            @RequestParam(defaultValue = "100") @PositiveOrZero @Max(1000) int limit) {
        refuseResidentAlone("GET /needs");
        return service
                .list(
                        new NeedRepository.Filter(communityId, stationId, status, seriesId, importJobId, visitId),
                        offset,
                        limit)
                .stream()
                .map(NeedView::of)
                .toList();
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a published or matched need; publishes NeedUpdated")
    public NeedView edit(@PathVariable UUID id, @Valid @RequestBody NeedRequest request) {
        requireStaffOf(id);
        return NeedView.of(service.edit(id, request.toDraft()));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move a need along its life; publishes NeedUpdated, or NeedClosed for FULFILLED and CANCELLED")
    public NeedView changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        requireStaffOf(id);
        return NeedView.of(service.transition(id, change.status(), change.matchId()));
    }

    /**
     * A resident's own account (the role {@value Roles#RESIDENT} alone) sees their own needs only, at {@code /residents/me/needs},
     * not the town's: a 403 naming {@code field}.
     */
    static void refuseResidentAlone(String field) {
        Caller caller = Access.caller();
        if (caller.roles().equals(java.util.Set.of(Roles.RESIDENT))) {
            throw new ForbiddenException(
                    field,
                    Messages.text("need.resident-reads-own", caller.describeText()),
                    "a role other than " + Roles.RESIDENT);
        }
    }

    /** Only the staff of the need's community (or the hub admin) change it; a need never changes community. */
    private void requireStaffOf(UUID needId) {
        Access.requireTenant("communityId", service.get(needId).details().communityId(), Roles.COMMUNITY_STAFF);
    }
}
