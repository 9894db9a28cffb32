package org.wushe.hub.volunteer.hours;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.IdempotencyKeys;
import org.wushe.hub.volunteer.points.PointsRules;
import org.wushe.hub.volunteer.points.ServiceDifficulty;
import org.wushe.hub.volunteer.volunteer.VolunteerLookups;

@RestController
@Tag(name = "hours", description = "服务时长 Service hours: credited from completed matches or logged by station staff")
public class HoursController {

    private final HoursService service;
    private final VolunteerLookups volunteers;

    public HoursController(HoursService service, VolunteerLookups volunteers) {
        this.service = service;
        this.volunteers = volunteers;
    }

    /**
     * Hours logged by hand.
     *
     * @param servedOn  the day of the service: not in the future, nor more than {@code wushe.volunteer.hours-backdate-limit}
     *                  (default 7 days) ago
     * @param stationId the station where the service happened: only its staff log these hours
     * @param loggedBy  ignored: who logged the hours is the subject of the caller's token
     */
    public record LogHours(
            @NotNull @Min(1) @Max(PointsRules.MAX_MINUTES_PER_CREDIT)
            Integer minutes,

            @NotNull LocalDate servedOn,
            @NotNull UUID stationId,
            UUID communityId,
            Category category,
            ServiceDifficulty difficulty,

            @Schema(
                    description = "ignored: the hours are recorded as logged by the caller (the token's subject)",
                    deprecated = true)
            String loggedBy,

            @Size(max = 200) String note) {}

    public record HoursStatement(UUID volunteerId, long totalMinutes, List<ServiceHours> credits) {}

    @PostMapping("/volunteers/{id}/hours")
    @Operation(
            summary =
                    "Log service hours by hand (staff of the station where the service happened, never the volunteer themself); "
                            + "marked MANUAL and logged by the caller; served at most 7 days ago (wushe.volunteer.hours-backdate-limit); optional Idempotency-Key; "
                            + "publishes ServiceHoursCredited and, if the rules give points, PointsAwarded")
    public ResponseEntity<HoursService.Credit> log(
            @PathVariable UUID id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody LogHours r) {
        // Only the staff of the station where the service happened (the hub admin too); never the volunteer
        // themself (the path rule). Who logged them is the caller, whatever the body says.
        Caller caller = Access.requireTenant("stationId", r.stationId(), Roles.STATION_STAFF);
        HoursService.ManualResult result = service.logManual(
                id,
                new HoursService.ManualHours(
                        r.minutes(),
                        r.servedOn(),
                        r.stationId(),
                        r.communityId(),
                        r.category(),
                        r.difficulty(),
                        caller.subject(),
                        r.note()),
                IdempotencyKeys.optional(key));
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/volunteers/" + id + "/hours"))
                .header(IdempotencyKeys.REPLAYED, String.valueOf(result.replayed()))
                .body(result.credit());
    }

    @GetMapping("/volunteers/{id}/hours")
    @Operation(summary = "The volunteer's credited hours, newest first, with the total")
    public HoursStatement list(@PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        volunteers.requireSeen(id);
        List<ServiceHours> credits = service.of(id, limit);
        return new HoursStatement(id, service.totalMinutes(id), credits);
    }
}
