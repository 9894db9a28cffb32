package org.wushe.hub.community.resident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.community.web.Accountability;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Roles;

/**
 * Residents (居民). Only the staff of a resident's community, or of a station serving it, see residents
 * at all (not the hub admin; {@link ResidentAccess}); community staff register them (and the hub admin,
 * who loads a town). Listing shows no personal data; details are opened with a reason, and every opening
 * is logged with the caller (the token's subject).
 */
@RestController
@RequestMapping("/residents")
@Tag(name = "residents", description = "居民 Residents: personal data private to this service, every read logged")
public class ResidentController {

    public record RegisterResident(
            @NotNull UUID communityId,
            UUID gridId,

            @Size(max = 40) @Pattern(regexp = "[\\p{L}\\p{N}_.\\-/]*", message = "{resident.number-format}")
            String residentNumber,

            @NotBlank @Size(max = 50) String name,

            @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "{resident.phone-format}")
            String phone,

            @Size(max = 18) String idNumber,
            @Size(max = 200) String address,
            @Size(max = 8) Set<BeneficiaryFlag> flags) {}

    public record IdNumberQuery(@NotBlank @Size(max = 18) String idNumber) {}

    /** A name search in one community: the name (whole or its beginning) and why, in the body, never in a URL. */
    public record NameQuery(
            @Schema(description = "the community searched; community staff may leave it out (their own)")
            UUID communityId,

            @Schema(
                    description = "the whole name or its beginning: at least 1 Chinese character or 2 letters",
                    example = "张")
            String name,

            @Schema(
                    description = "why, e.g. 发布需求 publishing a need; logged with every resident answered",
                    example = "发布需求 publishing a need")
            String reason) {}

    private final ResidentService service;

    public ResidentController(ResidentService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Register a resident; answers the pseudonymous residentRef, never the personal data")
    public ResponseEntity<Resident.Summary> register(@Valid @RequestBody RegisterResident request) {
        Access.requireTenant("communityId", request.communityId(), Roles.COMMUNITY_STAFF);
        Resident.Summary s = service.register(Accountability.actor(), request);
        return ResponseEntity.created(URI.create("/residents/" + s.id())).body(s);
    }

    @GetMapping
    @Operation(
            summary =
                    "Residents without personal data (by community, grid or residentRef), of the communities the caller serves")
    public List<Resident.Summary> list(
            @RequestParam(required = false) UUID communityId,
            @RequestParam(required = false) UUID gridId,
            @RequestParam(required = false) UUID residentRef,
            @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
            @RequestParam(defaultValue = "100") @PositiveOrZero @Max(1000) int limit) {
        return service.list(communityId, gridId, residentRef, offset, limit);
    }

    @GetMapping("/{id}")
    @Operation(
            summary =
                    "A resident's personal data, for the staff of their community or of a station serving it, with a stated reason; logged")
    public Resident.Details read(
            @PathVariable UUID id,
            @Parameter(description = "why the details are read, e.g. 入户探访 home visit") @RequestParam(required = false)
                    String reason) {
        return service.read(id, Accountability.actor(), Accountability.reason(reason));
    }

    @PostMapping("/lookup")
    @Operation(summary = "Find a resident by ID number (sent in the body, never in a URL); logged")
    public Resident.Summary lookup(
            @RequestParam(required = false) String reason, @Valid @RequestBody IdNumberQuery query) {
        return service.lookup(query.idNumber(), Accountability.actor(), Accountability.reason(reason));
    }

    @PostMapping("/search")
    @Operation(
            summary =
                    "Find residents of one community by name (whole or beginning; in the body, never in a URL): at most 20, "
                            + "name, masked phone and flags, no address or ID number; for the staff of the community or of a station serving it; "
                            + "every resident answered is logged with the reason")
    public List<Resident.Match> search(@RequestBody NameQuery query) {
        String reason = Accountability.reason(query.reason());
        return service.searchByName(query.communityId(), query.name(), Accountability.actor(), reason);
    }

    /** Why a resident's personal data is erased (logged with the erasure). */
    public record Erasure(
            @Schema(description = "why, e.g. 本人申请删除 the resident asked", example = "本人申请删除 the resident asked")
            String reason) {}

    @PostMapping("/{id}/erasure")
    @Operation(
            summary =
                    "Erase a resident's personal data (PIPL): the pseudonym and the access log stay; for the staff of the "
                            + "resident's community or the manager of a centre above it, with a reason; logged. Afterwards reading the resident is 410 Gone")
    public ResponseEntity<Void> erase(@PathVariable UUID id, @RequestBody(required = false) Erasure erasure) {
        service.erase(id, Accountability.actor(), Accountability.reason(erasure == null ? null : erasure.reason()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/access-log")
    @Operation(summary = "Who read the resident's data, when and why")
    public List<Resident.Access> accessLog(@PathVariable UUID id) {
        return service.accessLog(id);
    }
}
