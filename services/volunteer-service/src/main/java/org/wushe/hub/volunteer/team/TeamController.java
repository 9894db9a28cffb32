package org.wushe.hub.volunteer.team;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/teams")
@Tag(name = "teams", description = "志愿服务队 Teams and sub-teams (mediation, safety, legal advice…)")
public class TeamController {

    private final TeamService service;

    public TeamController(TeamService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Create a team, or a sub-team with parentTeamId")
    public ResponseEntity<TeamService.TeamView> create(@Valid @RequestBody TeamService.NewTeam request) {
        TeamService.TeamView t = service.create(request);
        return ResponseEntity.created(URI.create("/teams/" + t.id())).body(t);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A team with its sub-teams and member counts")
    public TeamService.TeamView get(@PathVariable UUID id) {
        return service.view(id);
    }

    @GetMapping
    @Operation(summary = "Top-level teams, of one community if given")
    public List<TeamService.TeamView> list(@RequestParam(required = false) UUID communityId) {
        return service.list(communityId);
    }

    @PutMapping("/{id}/members/{volunteerId}")
    @Operation(summary = "Add a volunteer to the team or change their role (idempotent)")
    public ResponseEntity<List<TeamRepository.Member>> putMember(
            @PathVariable UUID id, @PathVariable UUID volunteerId, @Valid @RequestBody TeamService.Role role) {
        boolean joined = service.putMember(id, volunteerId, role.role());
        return ResponseEntity.status(joined ? HttpStatus.CREATED : HttpStatus.OK)
                .body(service.members(id));
    }

    @DeleteMapping("/{id}/members/{volunteerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a volunteer from the team")
    public void removeMember(@PathVariable UUID id, @PathVariable UUID volunteerId) {
        service.removeMember(id, volunteerId);
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "Members of the team")
    public List<TeamRepository.Member> members(@PathVariable UUID id) {
        return service.members(id);
    }
}
