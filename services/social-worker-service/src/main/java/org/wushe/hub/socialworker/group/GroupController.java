package org.wushe.hub.socialworker.group;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.platform.web.Known;

@RestController
@Validated
@RequestMapping("/groups")
@Tag(name = "groups", description = "小组工作 Group work and its sessions")
public class GroupController {

    /** A group (小组) the worker runs; the title is public (it travels in GroupSessionHeld). */
    public record StartGroup(
            @NotNull UUID socialWorkerId,
            UUID communityId,
            @NotBlank @Size(max = 100) String title,
            @NotNull @Known Category category,
            @NotNull @Known BeneficiaryGroup beneficiaryGroup,
            @Positive @Max(100) Integer plannedSessions) {}

    /** A session held: how many took part, never who; {@code notes} stay here. */
    public record HoldSession(
            @NotNull Instant heldAt,
            @Positive @Max(480) Integer minutes,
            @NotNull @PositiveOrZero @Max(1000) Integer participantCount,
            @Size(max = 4000) String notes) {}

    private final GroupService service;

    public GroupController(GroupService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Start a group at the worker's station (no event until a session is held)")
    public ResponseEntity<WorkGroup> start(@Valid @RequestBody StartGroup request) {
        WorkGroup g = service.start(request);
        return ResponseEntity.created(URI.create("/groups/" + g.id())).body(g);
    }

    @PostMapping("/{id}/sessions")
    @Operation(summary = "Record a session held; publishes GroupSessionHeld")
    public ResponseEntity<WorkGroup> session(@PathVariable UUID id, @Valid @RequestBody HoldSession request) {
        return ResponseEntity.status(201).body(service.hold(id, request));
    }

    @GetMapping("/{id}/sessions")
    @Operation(
            summary =
                    "The sessions with their notes: for the group's worker, their supervisor (督导) and the centre, with a reason; "
                            + "every read is logged (elsewhere sessions come without notes)")
    public List<WorkGroup.Session> sessionNotes(
            @PathVariable UUID id,
            @Parameter(description = "why the notes are read; logged with who read them")
                    @RequestParam(required = false)
                    String reason) {
        return service.sessionNotes(id, reason);
    }

    @GetMapping("/{id}")
    public WorkGroup get(@PathVariable UUID id) {
        return service.get(id);
    }

    @GetMapping
    public List<WorkGroup> list(
            @RequestParam(required = false) UUID stationId,
            @RequestParam(required = false) UUID socialWorkerId,
            @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
            @RequestParam(defaultValue = "100") @PositiveOrZero @Max(1000) int limit) {
        return service.list(stationId, socialWorkerId, offset, limit);
    }
}
