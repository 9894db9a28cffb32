package org.wushe.hub.community.station;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.community.StationLevel;

@RestController
@RequestMapping("/stations")
@Tag(
        name = "stations",
        description = "社工站 The station hierarchy: district centre, street/town centre, community stations")
public class StationController {

    public record RegisterStation(
            @NotBlank @Size(max = 100) String name,
            @NotNull StationLevel level,
            UUID parentStationId,
            UUID communityId,
            @Size(max = 500) List<UUID> servedCommunityIds,

            @Pattern(regexp = "\\d{6}", message = "{region.district-code}")
            String districtCode,

            @Pattern(regexp = "\\d{9}", message = "{region.street-code}")
            String streetCode,

            @Size(max = 12) String geohash) {}

    private final StationService service;
    private final StationRepository stations;

    public StationController(StationService service, StationRepository stations) {
        this.service = service;
        this.stations = stations;
    }

    @PostMapping
    @Operation(summary = "Register a station or centre; publishes StationRegistered")
    public ResponseEntity<Station> register(@Valid @RequestBody RegisterStation request) {
        Station s = service.register(request);
        return ResponseEntity.created(URI.create("/stations/" + s.id())).body(s);
    }

    @GetMapping("/{id}")
    public Station get(@PathVariable UUID id) {
        return service.get(id);
    }

    @GetMapping("/{id}/tree")
    @Operation(summary = "The station with every station below it")
    public StationService.StationTree tree(@PathVariable UUID id) {
        return service.tree(id);
    }

    @GetMapping
    @Operation(summary = "Stations, or those serving one community")
    public List<Station> list(
            @RequestParam(required = false) UUID communityId,
            @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
            @RequestParam(defaultValue = "100") @PositiveOrZero @Max(1000) int limit) {
        return stations.list(communityId, offset, limit);
    }
}
