package org.wushe.hub.organization.organization;

import io.swagger.v3.oas.annotations.Operation;
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
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.IncubationStage;
import org.wushe.hub.events.organization.LegalStatus;
import org.wushe.hub.events.organization.OrganizationKind;
import org.wushe.hub.platform.web.Known;

@RestController
@Validated
@RequestMapping("/organizations")
@Tag(name = "organizations", description = "社会组织 Social organizations: registered (登记) or filed (备案)")
public class OrganizationController {

    /**
     * A social organization as the street or its hub organization enters it. {@code stage} defaults to
     * SPROUTING (萌芽型); a REGISTERED organization needs its unified social credit code. {@code centreId} is the
     * social work service centre (a station id of level STREET_CENTRE or DISTRICT_CENTRE) whose managers decide its
     * incubation and grants; without one only the hub admin does.
     */
    public record RegisterOrganization(
            @NotBlank @Size(max = 100) String name,
            @NotNull @Known OrganizationKind kind,
            @NotNull @Known LegalStatus legalStatus,

            @Pattern(
                    regexp = "[0-9A-HJ-NPQRTUWXY]{18}",
                    message = "must be 18 characters of 0-9 and A-Y without I, O, S, V, Z (统一社会信用代码)")
            String unifiedSocialCreditCode,

            @Known IncubationStage stage,
            Boolean hub,
            UUID hubOrganizationId,
            UUID communityId,

            @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit district code (GB/T 2260)")
            String districtCode,

            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit street/town code")
            String streetCode,

            @Size(max = 12) String geohash,
            @Size(max = 16) List<@NotNull @Known Category> serviceCategories,
            @PositiveOrZero @Max(1_000_000) Integer monthlyServiceCapacity,
            UUID centreId) {}

    private final OrganizationService service;
    private final OrganizationRepository organizations;

    public OrganizationController(OrganizationService service, OrganizationRepository organizations) {
        this.service = service;
        this.organizations = organizations;
    }

    @PostMapping
    @Operation(summary = "Register a social organization; publishes OrganizationRegistered")
    public ResponseEntity<Organization> register(@Valid @RequestBody RegisterOrganization request) {
        Organization o = service.register(request);
        return ResponseEntity.created(URI.create("/organizations/" + o.id())).body(o);
    }

    @GetMapping("/{id}")
    public Organization get(@PathVariable UUID id) {
        return service.get(id);
    }

    @GetMapping
    @Operation(summary = "Organizations, by kind, stage, hub flag, incubating hub or district")
    public List<Organization> list(
            @RequestParam(required = false) OrganizationKind kind,
            @RequestParam(required = false) IncubationStage stage,
            @RequestParam(required = false) Boolean hub,
            @RequestParam(required = false) UUID hubOrganizationId,
            @RequestParam(required = false) @Pattern(regexp = "\\d{6}", message = "must be a 6-digit district code")
                    String districtCode,
            @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
            @RequestParam(defaultValue = "100") @PositiveOrZero @Max(1000) int limit) {
        return organizations.list(
                new OrganizationRepository.Filter(kind, stage, hub, hubOrganizationId, districtCode), offset, limit);
    }
}
