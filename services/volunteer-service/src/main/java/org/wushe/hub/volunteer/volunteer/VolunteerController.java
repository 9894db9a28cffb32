package org.wushe.hub.volunteer.volunteer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
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

    public record Flags(@NotNull Boolean youngOld, @NotNull Boolean inHardship) {}

    @PostMapping
    @Operation(summary = "Register as a volunteer (志愿者注册); publishes VolunteerRegistered")
    public ResponseEntity<VolunteerView> register(@Valid @RequestBody RegisterVolunteer request) {
        VolunteerView v = service.register(request);
        return ResponseEntity.created(URI.create("/volunteers/" + v.id())).body(v);
    }

    @GetMapping("/{id}")
    @Operation(
            summary =
                    "One volunteer, with their details (name, phone, hardship flag), availability and teams: the volunteer themself, "
                            + "or with a stated reason the staff of a station they serve (or the hub admin); every such read is logged with who and why")
    public VolunteerView get(
            @PathVariable UUID id,
            @Parameter(
                            description = "why the details are read, e.g. 安排服务 arranging a service; required unless "
                                    + "the volunteer reads themself")
                    @RequestParam(required = false)
                    String reason) {
        return service.read(id, reason);
    }

    @GetMapping("/{id}/access-log")
    @Operation(summary = "Who read the volunteer's details, when and why (the volunteer themself, the hub admin)")
    public List<VolunteerRepository.Access> accessLog(@PathVariable UUID id) {
        return service.accessLog(id);
    }

    @GetMapping
    @Operation(
            summary =
                    "Volunteers by community, skill and team, without name, phone or hardship flag; station staff see "
                            + "the volunteers who serve their station (registered there, matched or credited hours there)")
    public List<VolunteerView> search(
            @RequestParam(required = false) UUID communityId,
            @RequestParam(required = false) Skill skill,
            @RequestParam(required = false) UUID teamId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return service.search(communityId, skill, teamId, limit, offset);
    }

    @PutMapping("/{id}/skills")
    @Operation(
            summary =
                    "The volunteer changes their own skills (and languages, when given), replacing them as a whole; "
                            + "a change publishes VolunteerRegistered again with the volunteer's state, no change publishes nothing")
    public VolunteerView skills(@PathVariable UUID id, @Valid @RequestBody ChangeSkills change) {
        return service.changeSkills(id, change);
    }

    @PutMapping("/{id}/flags")
    @Operation(
            summary = "Set the young-old (低龄老人) and hardship (困境人群) flags (staff of a station the volunteer serves); "
                    + "they change points credited from now on; answers the volunteer without name and phone")
    public VolunteerView flags(@PathVariable UUID id, @Valid @RequestBody Flags flags) {
        return service.changeFlags(id, flags.youngOld(), flags.inHardship());
    }
}
