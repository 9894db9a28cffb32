package org.wushe.hub.volunteer.hours;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.volunteer.points.PointsRules;
import org.wushe.hub.volunteer.points.ServiceDifficulty;
import org.wushe.hub.volunteer.web.IdempotencyKeys;

@RestController
@Tag(name = "hours", description = "服务时长 Service hours: credited from completed matches or logged by station staff")
public class HoursController {

    private final HoursService service;

    public HoursController(HoursService service) {
        this.service = service;
    }

    /**
     * Hours logged by hand.
     *
     * @param loggedBy who logs them: the station staff member's user name or id (for the record, not published)
     */
    public record LogHours(@NotNull @Min(1) @Max(PointsRules.MAX_MINUTES_PER_CREDIT) Integer minutes,
                           @NotNull LocalDate servedOn,
                           UUID stationId,
                           UUID communityId,
                           Category category,
                           ServiceDifficulty difficulty,
                           @NotBlank @Size(max = 100) String loggedBy,
                           @Size(max = 200) String note) {
    }

    public record HoursStatement(UUID volunteerId, long totalMinutes, List<ServiceHours> credits) {
    }

    @PostMapping("/volunteers/{id}/hours")
    @Operation(summary = "Log service hours by hand (station staff); marked MANUAL; optional Idempotency-Key; "
            + "publishes ServiceHoursCredited and, if the rules give points, PointsAwarded")
    public ResponseEntity<HoursService.Credit> log(@PathVariable UUID id,
                                                   @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                   @Valid @RequestBody LogHours r) {
        HoursService.ManualResult result = service.logManual(id, new HoursService.ManualHours(r.minutes(), r.servedOn(), r.stationId(),
                r.communityId(), r.category(), r.difficulty(), r.loggedBy().strip(), r.note()), key == null ? null : IdempotencyKeys.require(key));
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/volunteers/" + id + "/hours"))
                .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                .body(result.credit());
    }

    @GetMapping("/volunteers/{id}/hours")
    @Operation(summary = "The volunteer's credited hours, newest first, with the total")
    public HoursStatement list(@PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        List<ServiceHours> credits = service.of(id, limit);
        return new HoursStatement(id, service.totalMinutes(id), credits);
    }
}
