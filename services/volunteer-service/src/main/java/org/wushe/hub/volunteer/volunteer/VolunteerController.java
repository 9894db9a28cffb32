package org.wushe.hub.volunteer.volunteer;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.common.Skill;

@RestController
@RequestMapping("/volunteers")
@Tag(name = "volunteers", description = "志愿者 Volunteers: self-registration, profile, flags that change points")
public class VolunteerController {

    private final VolunteerService service;

    public VolunteerController(VolunteerService service) {
        this.service = service;
    }

    public record Flags(@NotNull Boolean youngOld, @NotNull Boolean inHardship) {
    }

    @PostMapping
    @Operation(summary = "Register as a volunteer (志愿者注册); publishes VolunteerRegistered")
    public ResponseEntity<VolunteerView> register(@Valid @RequestBody RegisterVolunteer request) {
        VolunteerView v = service.register(request);
        return ResponseEntity.created(URI.create("/volunteers/" + v.id())).body(v);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One volunteer, with availability and teams")
    public VolunteerView get(@PathVariable UUID id) {
        return service.view(id);
    }

    @GetMapping
    @Operation(summary = "Volunteers by community, skill and team")
    public List<VolunteerView> search(@RequestParam(required = false) UUID communityId,
                                      @RequestParam(required = false) Skill skill,
                                      @RequestParam(required = false) UUID teamId,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                      @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return service.search(communityId, skill, teamId, limit, offset);
    }

    @PutMapping("/{id}/skills")
    @Operation(summary = "The volunteer changes their own skills (and languages, when given), replacing them as a whole; "
            + "a change publishes VolunteerRegistered again with the volunteer's state, no change publishes nothing")
    public VolunteerView skills(@PathVariable UUID id, @Valid @RequestBody ChangeSkills change) {
        return service.changeSkills(id, change);
    }

    @PutMapping("/{id}/flags")
    @Operation(summary = "Set the young-old (低龄老人) and hardship (困境人群) flags; they change points credited from now on")
    public VolunteerView flags(@PathVariable UUID id, @Valid @RequestBody Flags flags) {
        return service.changeFlags(id, flags.youngOld(), flags.inHardship());
    }
}
