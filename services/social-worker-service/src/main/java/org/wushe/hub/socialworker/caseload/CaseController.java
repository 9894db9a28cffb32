package org.wushe.hub.socialworker.caseload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.socialworker.CaseOutcome;
import org.wushe.hub.platform.web.Known;

@RestController
@Validated
@RequestMapping("/cases")
@Tag(name = "cases", description = "个案 Case work; notes stay in this service")
public class CaseController {

    public static final int MAX_NOTE = 4000;

    /**
     * A case for the resident the community service knows as {@code residentRef} (never a name, phone or
     * ID number). {@code communityId} may be left out when the worker's station serves one community;
     * {@code assessment} is the first note (预估).
     */
    public record OpenCase(
            @NotNull UUID socialWorkerId,
            @NotNull UUID residentRef,
            UUID communityId,
            @NotNull @Known Category category,
            @NotNull @Known BeneficiaryGroup beneficiaryGroup,
            LocalDate openedOn,
            @Size(max = MAX_NOTE) String assessment) {}

    /** A session note (会谈记录); {@code authorId} defaults to the caseworker (e.g. a supervisor writes one). */
    public record WriteNote(@NotBlank @Size(max = MAX_NOTE) String text, UUID authorId) {}

    public record CloseCase(
            @NotNull @Known CaseOutcome outcome,
            LocalDate closedOn,
            @Size(max = MAX_NOTE) String summary) {}

    private final CaseService service;

    public CaseController(CaseService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Open a case; publishes CaseOpened (no resident, no notes)")
    public ResponseEntity<Case> open(@Valid @RequestBody OpenCase request) {
        Case c = service.open(request);
        return ResponseEntity.created(URI.create("/cases/" + c.id())).body(c);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case: for its social worker and their supervisor (督导) only")
    public Case get(@PathVariable UUID id) {
        return service.read(id);
    }

    @GetMapping
    @Operation(
            summary =
                    "Cases of one social worker: the caller's own, or, with socialWorkerId, of a worker they supervise")
    public List<Case> list(
            @RequestParam(required = false) UUID socialWorkerId,
            @RequestParam(required = false) UUID stationId,
            @RequestParam(required = false) UUID residentRef,
            @RequestParam(required = false) Case.Status status,
            @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
            @RequestParam(defaultValue = "100") @PositiveOrZero @Max(1000) int limit) {
        return service.list(new CaseRepository.Filter(socialWorkerId, stationId, residentRef, status), offset, limit);
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Write a session note; kept here, publishes nothing")
    public ResponseEntity<CaseNote> note(@PathVariable UUID id, @Valid @RequestBody WriteNote request) {
        return ResponseEntity.status(201).body(service.note(id, request));
    }

    @GetMapping("/{id}/notes")
    @Operation(
            summary =
                    "The case's notes: for its social worker and their supervisor (督导) only, with a reason; every read is logged")
    public List<CaseNote> notes(
            @PathVariable UUID id,
            @Parameter(description = "why the notes are read, e.g. 督导 supervision; logged with who read them")
                    @RequestParam(required = false)
                    String reason) {
        return service.notes(id, reason);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the case (结案); publishes CaseClosed")
    public Case close(@PathVariable UUID id, @Valid @RequestBody CloseCase request) {
        return service.close(id, request);
    }
}
