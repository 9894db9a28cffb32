package org.wushe.hub.socialworker.worker;

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
import java.time.LocalDate;
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
import org.wushe.hub.events.common.CertificationLevel;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.socialworker.Employment;
import org.wushe.hub.platform.web.Known;

@RestController
@Validated
@RequestMapping("/social-workers")
@Tag(name = "social workers", description = "社会工作者 Social workers: certificates, station, supervisor (督导)")
public class WorkerController {

    /**
     * A social worker joining the hub. {@code certificationLevel} defaults to NONE; a certificate needs
     * its date. {@code stationId} must be a station the community service announced.
     */
    public record RegisterWorker(
            @NotBlank @Size(max = 50) String name,
            @NotNull @Known Employment employment,
            @Known CertificationLevel certificationLevel,
            LocalDate certifiedOn,
            UUID stationId,
            UUID supervisorId,
            Boolean trainedLocally,
            @Size(max = 16) List<@NotNull @Known Skill> skills,

            @Size(max = 8)
            List<
                            @NotBlank
                            @Pattern(
                                    regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                                    message = "must be a BCP 47 tag such as en")
                            String>
                    languages) {}

    public record Certify(
            @NotNull @Known CertificationLevel level,
            @NotNull LocalDate certifiedOn) {}

    /** The whole assignment: a station (or none) and a supervisor (or none), from {@code assignedOn} (today if left out). */
    public record Assign(UUID stationId, UUID supervisorId, LocalDate assignedOn) {}

    private final WorkerService service;

    public WorkerController(WorkerService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(
            summary =
                    "Register a social worker; publishes SocialWorkerRegistered (and SocialWorkerAssigned with a supervisor)")
    public ResponseEntity<SocialWorker> register(@Valid @RequestBody RegisterWorker request) {
        SocialWorker w = service.register(request);
        return ResponseEntity.created(URI.create("/social-workers/" + w.id())).body(w);
    }

    @GetMapping("/{id}")
    public SocialWorker get(@PathVariable UUID id) {
        return service.get(id);
    }

    @GetMapping
    @Operation(summary = "Workers, of a station or under a supervisor")
    public List<SocialWorker> list(
            @RequestParam(required = false) UUID stationId,
            @RequestParam(required = false) UUID supervisorId,
            @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
            @RequestParam(defaultValue = "100") @PositiveOrZero @Max(1000) int limit) {
        return service.list(stationId, supervisorId, offset, limit);
    }

    @PostMapping("/{id}/certificates")
    @Operation(summary = "Record a higher certificate (助理社会工作师, 社会工作师, 高级社会工作师); publishes SocialWorkerCertified")
    public SocialWorker certify(@PathVariable UUID id, @Valid @RequestBody Certify request) {
        return service.certify(id, request.level(), request.certifiedOn());
    }

    @PostMapping("/{id}/assignment")
    @Operation(summary = "Assign to a station and a supervisor (督导); publishes SocialWorkerAssigned")
    public SocialWorker assign(@PathVariable UUID id, @Valid @RequestBody Assign request) {
        return service.assign(id, request.stationId(), request.supervisorId(), request.assignedOn());
    }
}
