package org.wushe.hub.community.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
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
 * The grid's register (网格台账): compounds, buildings, households and the resident records living in each.
 * Written by the grid's grid worker or its community's staff, read also by the stations serving the community.
 */
@RestController
@Tag(name = "grid register", description = "网格台账 The grid's register: compounds (小区), buildings (楼栋), households (户)")
public class HouseholdController {

    public record RegisterCompound(@NotBlank @Size(max = 60) String name) {}

    public record RegisterBuilding(
            @NotBlank @Size(max = 30) String label,
            @Positive @Max(99) Integer stairwells) {}

    public record RegisterHousehold(
            @Positive @Max(99) Integer stairwell,
            @NotNull @Positive @Max(9999) Integer number,
            @Size(max = 20) List<@NotNull UUID> residentIds) {}

    public record Residents(@NotNull @Size(max = 20) List<@NotNull UUID> residentIds) {}

    private final HouseholdService service;

    public HouseholdController(HouseholdService service) {
        this.service = service;
    }

    @PostMapping("/grids/{gridId}/compounds")
    @Operation(summary = "Add a compound (小区) to the grid's register")
    public ResponseEntity<Household.Compound> addCompound(
            @PathVariable UUID gridId, @Valid @RequestBody RegisterCompound r) {
        Household.Compound c = service.addCompound(gridId, r.name());
        return ResponseEntity.created(URI.create("/compounds/" + c.id())).body(c);
    }

    @PostMapping("/compounds/{id}/buildings")
    @Operation(summary = "Add a building (楼栋) to a compound")
    public ResponseEntity<Household.Building> addBuilding(
            @PathVariable UUID id, @Valid @RequestBody RegisterBuilding r) {
        Household.Building b = service.addBuilding(id, r.label(), r.stairwells());
        return ResponseEntity.created(URI.create("/buildings/" + b.id())).body(b);
    }

    @PostMapping("/buildings/{id}/households")
    @Operation(summary = "Add a household (户) to a building, with the resident records living there (ids only)")
    public ResponseEntity<Household.Home> addHousehold(@PathVariable UUID id, @Valid @RequestBody RegisterHousehold r) {
        Household.Home h = service.addHousehold(id, r.stairwell(), r.number(), r.residentIds());
        return ResponseEntity.created(URI.create("/households/" + h.id())).body(h);
    }

    @PutMapping("/households/{id}/residents")
    @Operation(summary = "Replace who lives in a household (moved in, moved out)")
    public Household.Home replaceResidents(@PathVariable UUID id, @Valid @RequestBody Residents r) {
        return service.replaceResidents(id, r.residentIds());
    }

    @GetMapping("/grids/{gridId}/register")
    @Operation(summary = "The grid's register: compounds, their buildings, their households")
    public HouseholdService.RegisterView register(@PathVariable UUID gridId) {
        return service.register(gridId);
    }
}
