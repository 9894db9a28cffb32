package org.wushe.hub.community.grid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.community.community.CommunityService;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.place.Geohashes;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Grids are the community's own working units: they are not announced as events of their own; a
 * need carries its grid's id in its coarse place.
 */
@RestController
@Tag(name = "grids", description = "网格 Grids: a grid worker's block of buildings")
public class GridController {

    public record RegisterGrid(
            @NotBlank @Size(max = 60) String name,
            @PositiveOrZero Integer buildings,
            @PositiveOrZero Integer stairwells,
            @PositiveOrZero Integer households,
            @PositiveOrZero Integer residents,
            @Size(max = 12) String geohash) {}

    private final GridRepository grids;
    private final CommunityService communities;
    private final Clock clock;

    public GridController(GridRepository grids, CommunityService communities, Clock clock) {
        this.grids = grids;
        this.communities = communities;
        this.clock = clock;
    }

    @PostMapping("/communities/{communityId}/grids")
    @Operation(summary = "Register a grid of a community")
    @Transactional
    public ResponseEntity<Grid> register(@PathVariable UUID communityId, @Valid @RequestBody RegisterGrid r) {
        communities.get(communityId);
        if (!Geohashes.isValid(r.geohash())) {
            throw new InvalidInputException("geohash", Messages.text("place.not-a-geohash"));
        }
        String name = r.name().strip();
        if (grids.findByName(communityId, name).isPresent()) {
            throw new InvalidInputException("name", Messages.text("grid.name-taken"), 409);
        }
        Grid g = new Grid(
                UUID.randomUUID(),
                communityId,
                name,
                r.buildings(),
                r.stairwells(),
                r.households(),
                r.residents(),
                Geohashes.coarse(r.geohash()),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        grids.insert(g);
        return ResponseEntity.created(URI.create("/grids/" + g.id())).body(g);
    }

    @GetMapping("/communities/{communityId}/grids")
    public List<Grid> ofCommunity(@PathVariable UUID communityId) {
        communities.get(communityId);
        return grids.ofCommunity(communityId);
    }

    @GetMapping("/grids/{id}")
    public Grid get(@PathVariable UUID id) {
        return grids.find(id)
                .orElseThrow(() -> new InvalidInputException("gridId", Messages.text("grid.not-found", id), 404));
    }
}
