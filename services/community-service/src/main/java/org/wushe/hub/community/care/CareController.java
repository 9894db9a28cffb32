package org.wushe.hub.community.care;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Care visits (关爱走访) to the elderly living alone: HIGH risk weekly, MEDIUM fortnightly, LOW monthly. The grid's
 * grid worker sets plans and records visits; the grid and the stations serving its community see the overdue ones.
 */
@RestController
@Tag(
        name = "care visits",
        description = "关爱走访 Care visits to the elderly living alone, on a schedule set by their risk")
public class CareController {

    public record SetPlan(@NotNull UUID residentId, @NotNull CareSchedule.Risk risk, LocalDate since) {}

    public record RecordVisit(
            @NotNull LocalDate visitedOn,
            @NotNull CareSchedule.Outcome outcome,
            @Size(max = 500) String note) {}

    private final CareService service;

    public CareController(CareService service) {
        this.service = service;
    }

    @PutMapping("/grids/{gridId}/care-plans")
    @Operation(
            summary =
                    "Set the care plan of a resident of the grid (201 new, 200 changed); publishes CareVisitDue SCHEDULED")
    public ResponseEntity<CarePlan.View> setPlan(@PathVariable UUID gridId, @Valid @RequestBody SetPlan r) {
        CareService.Saved saved = service.setPlan(gridId, r.residentId(), r.risk(), r.since());
        return saved.created()
                ? ResponseEntity.created(
                                URI.create("/care-plans/" + saved.plan().id()))
                        .body(saved.plan())
                : ResponseEntity.ok(saved.plan());
    }

    @GetMapping("/grids/{gridId}/care-plans")
    @Operation(summary = "The grid's care plans, the soonest due first")
    public List<CarePlan.View> ofGrid(@PathVariable UUID gridId) {
        return service.ofGrid(gridId);
    }

    @PostMapping("/care-plans/{id}/visits")
    @Operation(
            summary =
                    "Record a care visit; one that found the person (not NOT_HOME) moves the schedule on and publishes CareVisitDue SCHEDULED")
    public ResponseEntity<CarePlan.View> recordVisit(@PathVariable UUID id, @Valid @RequestBody RecordVisit r) {
        return ResponseEntity.status(201).body(service.recordVisit(id, r.visitedOn(), r.outcome(), r.note()));
    }

    @GetMapping("/care-plans/{id}/visits")
    @Operation(summary = "The plan's visits, newest first")
    public List<CarePlan.Visit> visits(@PathVariable UUID id) {
        return service.visits(id);
    }

    @GetMapping("/grids/{gridId}/care-visits/overdue")
    @Operation(summary = "The grid's overdue care visits, most overdue first")
    public List<CarePlan.View> overdueOfGrid(@PathVariable UUID gridId) {
        return service.overdueOfGrid(gridId);
    }

    @GetMapping("/stations/{stationId}/care-visits/overdue")
    @Operation(summary = "The overdue care visits of every grid of the communities the station serves, for its staff")
    public List<CarePlan.View> overdueOfStation(@PathVariable UUID stationId) {
        return service.overdueOfStation(stationId);
    }
}
