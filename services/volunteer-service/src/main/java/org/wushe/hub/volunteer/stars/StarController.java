package org.wushe.hub.volunteer.stars;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/stars")
@Tag(
        name = "stars",
        description =
                "星级志愿者 Star ratings by cumulative hours: the rules, as data (a volunteer's star is in GET /volunteers/{id})")
public class StarController {

    private final StarService stars;

    public StarController(StarService stars) {
        this.stars = stars;
    }

    @GetMapping("/rules")
    @Operation(summary = "Every version of the star rules")
    public List<StarRules> all() {
        return stars.all();
    }

    @GetMapping("/rules/current")
    @Operation(
            summary =
                    "The star rules in effect now: hours for 1★, 2★, … and whether a star is kept when hours are corrected down")
    public StarRules current() {
        return stars.current();
    }

    @PostMapping("/rules")
    @Operation(
            summary =
                    "Add a version of the star rules (the hub admin), effective now or later: thresholdHours strictly increasing "
                            + "(400 naming thresholdHours[i] otherwise), keepOnCorrection (default true)")
    public ResponseEntity<StarRules> add(@Valid @RequestBody StarService.NewStarRules r) {
        return ResponseEntity.created(URI.create("/stars/rules")).body(stars.add(r));
    }
}
