package org.wushe.hub.socialworker.visit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.socialworker.VisitKind;
import org.wushe.hub.events.socialworker.VisitOutcome;
import org.wushe.hub.platform.web.Known;

@RestController
@Validated
@RequestMapping("/visits")
@Tag(name = "visits", description = "电话探访 / 入户探访 Phone and home visits; a visit may raise a need (VisitRaisedNeed)")
public class VisitController {

    public record QuantityRequest(
            @NotNull @Positive @Max(100_000) Integer amount,
            @NotNull @Known QuantityUnit unit) {}

    /** The need a visit found, as the community service will publish it. The title is public: no personal data. */
    public record RaisedNeedRequest(
            @NotNull @Known Category category,
            @NotNull @Known Urgency urgency,
            @NotNull @Known BeneficiaryGroup beneficiaryGroup,
            @Positive @Max(100_000) Integer beneficiaryCount,
            @NotBlank @Size(max = 100) String title,
            UUID gridId,
            @Size(max = 12) String geohash,
            @NotNull Instant start,
            @NotNull Instant end,
            @Valid QuantityRequest quantity,
            @Size(max = 10) List<@NotNull @Known Skill> requiredSkills,

            @Size(max = 5)
            List<
                            @NotBlank
                            @Pattern(
                                    regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                                    message = "must be a BCP 47 tag such as en")
                            String>
                    requiredLanguages,

            @Positive @Max(7 * 24 * 60) Integer estimatedMinutes) {}

    /**
     * A visit to the resident the community service knows as {@code residentRef}. {@code notes} stay in
     * this service: no phone or ID numbers. {@code raisedNeed} goes with outcome NEED_FOUND.
     */
    public record RecordVisit(
            @NotNull UUID socialWorkerId,
            @NotNull UUID residentRef,
            UUID communityId,
            UUID caseId,
            @NotNull @Known VisitKind kind,
            @NotNull @Known VisitOutcome outcome,
            @NotNull Instant visitedAt,
            @Positive @Max(480) Integer minutes,
            @Size(max = 4000) String notes,
            @Valid RaisedNeedRequest raisedNeed) {}

    private final VisitService service;

    public VisitController(VisitService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(
            summary = "Record a phone or home visit; publishes VisitRecorded, and VisitRaisedNeed when it found a need")
    public ResponseEntity<Visit> record(@Valid @RequestBody RecordVisit request) {
        Visit v = service.record(request);
        return ResponseEntity.created(URI.create("/visits/" + v.id())).body(v);
    }

    @GetMapping("/{id}")
    @Operation(
            summary =
                    "A visit with its notes: for its social worker and their supervisor (督导) only, with a reason; every read is logged")
    public Visit get(
            @PathVariable UUID id,
            @Parameter(description = "why the visit's notes are read, e.g. 回访 follow-up; logged with who read them")
                    @RequestParam(required = false)
                    String reason) {
        return service.read(id, reason);
    }

    @GetMapping
    @Operation(
            summary =
                    "Visits of one social worker (the caller, or with socialWorkerId a worker they supervise), "
                            + "by station or resident, newest first, optionally in [from, to); the notes only with a reason, each visit read so logged")
    public List<Visit> list(
            @RequestParam(required = false) UUID socialWorkerId,
            @RequestParam(required = false) UUID stationId,
            @RequestParam(required = false) UUID residentRef,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @Parameter(description = "why the notes are read; without one the visits come without notes")
                    @RequestParam(required = false)
                    String reason,
            @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
            @RequestParam(defaultValue = "100") @PositiveOrZero @Max(1000) int limit) {
        return service.list(
                new VisitRepository.Filter(socialWorkerId, stationId, residentRef, from, to), reason, offset, limit);
    }
}
