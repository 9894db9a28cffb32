package org.wushe.hub.community.patrol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.community.need.NeedRules;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Urgency;

/**
 * Patrol rounds (巡检) of a grid and their findings. The grid's grid worker (or its community's staff) records a
 * round; each finding raises a need (source GRID_REPORT): at once when URGENT or IMMEDIATE, else when the
 * community's staff publish it after review.
 */
@RestController
@Tag(
        name = "patrols",
        description =
                "巡检 Patrol rounds of a grid: households visited, gas / fire / wiring / living conditions checked, findings")
public class PatrolController {

    public record CheckRequest(
            @NotNull Patrol.Item item,
            @NotNull Boolean ok,
            @Size(max = 500) String note) {}

    /** A finding at the household: the need it raises (its title public, screened). */
    public record FindingRequest(
            @NotNull Patrol.Item item,
            @NotNull Category category,
            @NotNull Urgency urgency,
            @NotNull BeneficiaryGroup beneficiaryGroup,
            @NotBlank @Size(max = NeedRules.MAX_TITLE) String title,
            UUID residentId,
            UUID stationId,
            Instant end) {}

    public record VisitRequest(
            @NotNull UUID householdId,
            @NotEmpty @Size(max = 4) List<@NotNull @Valid CheckRequest> checks,
            @Size(max = 4) List<@NotNull @Valid FindingRequest> findings) {}

    public record RecordPatrol(
            @NotNull LocalDate patrolledOn,
            @NotEmpty @Size(max = 200) List<@NotNull @Valid VisitRequest> households) {}

    public record PublishHazard(UUID stationId, Instant end) {}

    public record DismissHazard(@NotBlank @Size(max = 200) String reason) {}

    private final PatrolService service;

    public PatrolController(PatrolService service) {
        this.service = service;
    }

    @PostMapping("/grids/{gridId}/patrols")
    @Operation(
            summary =
                    "Record a patrol round; publishes PatrolRecorded, a HazardReported per finding, and NeedPublished for urgent findings")
    public ResponseEntity<Patrol.View> record(@PathVariable UUID gridId, @Valid @RequestBody RecordPatrol r) {
        Patrol.View v = service.record(gridId, r);
        return ResponseEntity.created(URI.create("/patrols/" + v.patrol().id())).body(v);
    }

    @GetMapping("/grids/{gridId}/patrols")
    @Operation(summary = "The grid's rounds, newest first")
    public List<Patrol.Summary> ofGrid(
            @PathVariable UUID gridId, @RequestParam(defaultValue = "100") @Positive @Max(1000) int limit) {
        return service.ofGrid(gridId, limit);
    }

    @GetMapping("/patrols/{id}")
    @Operation(summary = "A round with its checks and findings")
    public Patrol.View get(@PathVariable UUID id) {
        return service.get(id);
    }

    @GetMapping("/grids/{gridId}/hazards")
    @Operation(summary = "The grid's findings, optionally of one status")
    public List<Patrol.Hazard> hazardsOfGrid(
            @PathVariable UUID gridId, @RequestParam(required = false) Patrol.HazardStatus status) {
        return service.hazardsOfGrid(gridId, status);
    }

    @GetMapping("/communities/{communityId}/hazards")
    @Operation(
            summary =
                    "The community's findings (REPORTED: waiting for review), for its staff and the stations serving it")
    public List<Patrol.Hazard> hazardsOfCommunity(
            @PathVariable UUID communityId, @RequestParam(required = false) Patrol.HazardStatus status) {
        return service.hazardsOfCommunity(communityId, status);
    }

    @PostMapping("/hazards/{id}/publish")
    @Operation(
            summary =
                    "Community staff publish a reported finding as a need (source GRID_REPORT); publishes NeedPublished")
    public Patrol.Hazard publish(@PathVariable UUID id, @Valid @RequestBody(required = false) PublishHazard r) {
        return service.publish(id, r == null ? new PublishHazard(null, null) : r);
    }

    @PostMapping("/hazards/{id}/dismiss")
    @Operation(summary = "Community staff set a reported finding aside, with the reason")
    public Patrol.Hazard dismiss(@PathVariable UUID id, @Valid @RequestBody DismissHazard r) {
        return service.dismiss(id, r.reason());
    }
}
