package org.wushe.hub.organization.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.organization.ProjectOutcome;
import org.wushe.hub.platform.web.Known;

@RestController
@Tag(name = "projects", description = "公益项目 Public-benefit projects, their grants (公益创投) and closing figures")
public class ProjectController {

    /** Money in fen (分; 100 fen = 1 yuan). Dates are calendar days in Asia/Shanghai; {@code endsOn} inclusive. */
    public record LaunchProject(
            @NotBlank @Size(max = 100) String title,
            @NotBlank @Size(max = 500) String goal,
            @NotNull @Known Category category,
            @NotNull @Known BeneficiaryGroup beneficiaryGroup,
            @Positive @Max(10_000_000) Integer targetPeople,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @PositiveOrZero @Max(100_000_000_000L) Long budgetFen,
            @Size(max = 100) List<@NotNull UUID> servedCommunityIds,
            @Size(max = 12) String geohash) {}

    public record AwardGrant(
            @NotBlank @Size(max = 100) String programme,
            @Size(max = 100) String funder,
            @NotNull @Positive @Max(100_000_000_000L) Long amountFen,
            @NotNull LocalDate awardedOn) {}

    public record CloseProject(
            @NotNull @Known ProjectOutcome outcome,
            @NotNull LocalDate closedOn,
            @NotNull @PositiveOrZero @Max(100_000_000) Integer peopleReached) {}

    private final ProjectService service;

    public ProjectController(ProjectService service) {
        this.service = service;
    }

    @PostMapping("/organizations/{organizationId}/projects")
    @Operation(summary = "Launch a project of the organization; publishes ProjectLaunched")
    public ResponseEntity<Project> launch(
            @PathVariable UUID organizationId, @Valid @RequestBody LaunchProject request) {
        Project p = service.launch(organizationId, request);
        return ResponseEntity.created(URI.create("/projects/" + p.id())).body(p);
    }

    @GetMapping("/organizations/{organizationId}/projects")
    public List<Project> byOrganization(@PathVariable UUID organizationId) {
        return service.byOrganization(organizationId);
    }

    @GetMapping("/projects/{id}")
    public Project get(@PathVariable UUID id) {
        return service.get(id);
    }

    @PostMapping("/projects/{id}/grants")
    @Operation(summary = "Record a venture-philanthropy grant (公益创投) the project won; publishes ProjectGrantAwarded")
    public ResponseEntity<Project> grant(@PathVariable UUID id, @Valid @RequestBody AwardGrant request) {
        return ResponseEntity.status(201).body(service.award(id, request));
    }

    @PostMapping("/projects/{id}/close")
    @Operation(summary = "Close the project with the people it reached; publishes ProjectClosed")
    public Project close(@PathVariable UUID id, @Valid @RequestBody CloseProject request) {
        return service.close(id, request);
    }
}
