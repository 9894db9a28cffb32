package org.wushe.hub.socialworker.station;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/stations")
@Tag(name = "stations", description = "社工站 Stations known from the community service (read only)")
public class StationController {

    private final Stations stations;

    public StationController(Stations stations) {
        this.stations = stations;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A station as the community service announced it")
    public Station get(@PathVariable UUID id) {
        return stations.get(id);
    }

    @GetMapping
    public List<Station> list(
            @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
            @RequestParam(defaultValue = "100") @PositiveOrZero @Max(1000) int limit) {
        return stations.list(offset, limit);
    }
}
