package org.wushe.hub.community.community;

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
import org.wushe.hub.events.community.CommunityKind;

@RestController
@RequestMapping("/communities")
@Tag(name = "communities", description = "社区/村 Communities and villages")
public class CommunityController {

    public record RegisterCommunity(
            @NotBlank @Size(max = 100) String name,
            @NotNull CommunityKind kind,

            @NotNull @Pattern(regexp = "\\d{6}", message = "{region.district-code}")
            String districtCode,

            @Pattern(regexp = "\\d{9}", message = "{region.street-code}")
            String streetCode,

            @Size(max = 12) String geohash,
            @PositiveOrZero Integer gridCount,
            @PositiveOrZero Integer householdCount,
            @PositiveOrZero Integer residentCount) {}

    private final CommunityService service;
    private final CommunityRepository communities;

    public CommunityController(CommunityService service, CommunityRepository communities) {
        this.service = service;
        this.communities = communities;
    }

    @PostMapping
    @Operation(summary = "Register a community; publishes CommunityRegistered")
    public ResponseEntity<Community> register(@Valid @RequestBody RegisterCommunity request) {
        Community c = service.register(request);
        return ResponseEntity.created(URI.create("/communities/" + c.id())).body(c);
    }

    @GetMapping("/{id}")
    public Community get(@PathVariable UUID id) {
        return service.get(id);
    }

    @GetMapping
    public List<Community> list(
            @RequestParam(required = false) @Pattern(regexp = "\\d{6}") String districtCode,
            @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
            @RequestParam(defaultValue = "100") @PositiveOrZero @Max(1000) int limit) {
        return communities.list(districtCode, offset, limit);
    }
}
