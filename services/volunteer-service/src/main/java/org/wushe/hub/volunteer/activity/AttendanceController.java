package org.wushe.hub.volunteer.activity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check-in and check-out (签到/签退) at an activity: the venue's code for the organizer's staff, the volunteer's scan,
 * check-in and check-out by staff, and staff corrections with a reason. Refusals are RFC 9457 problems naming the field.
 */
@RestController
@Tag(
        name = "attendance",
        description =
                "签到与签退 Check-in and check-out at activities: venue codes, scans, staff check-in, corrections, hours")
public class AttendanceController {

    private static final String REFUSALS =
            "Refused: a forged or altered code 400 naming code; expired 400 naming code; another "
                    + "activity's or position's, or the other kind's 400 naming code; the same code used again by the volunteer for the same "
                    + "kind (replayed) 409 naming code; no sign-up, or one not CONFIRMED, 409 naming volunteerId; checked in (or out) already, "
                    + "or a check-out before a check-in, 409 naming code.";

    private final AttendanceService attendance;

    public AttendanceController(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @GetMapping("/activities/{id}/venue-code")
    @Operation(
            summary = "A fresh check-in or check-out code to show at the venue (签到码/签退码)",
            description =
                    "By the activity's publisher (its staff, as the token's tenancy says; 403 naming id otherwise). kind CHECK_IN "
                            + "(default) or CHECK_OUT; positionId restricts it to one position (404 naming positionId when not the activity's). "
                            + "The code is signed by this service (HMAC-SHA256) and valid for wushe.volunteer.activities.venue-code-validity "
                            + "(5 minutes); GET /activities/{id}/venue-code.png draws one as a PNG QR code. 409 naming id for a cancelled activity.")
    public ResponseEntity<AttendanceService.VenueCode> venueCode(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "CHECK_IN") Attendance.Kind kind,
            @RequestParam(required = false) UUID positionId) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(attendance.venueCode(id, positionId, kind));
    }

    @GetMapping(path = "/activities/{id}/venue-code.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(
            summary = "A fresh venue code as a PNG QR code (二维码)",
            description = "As the JSON form; the code's expiry in the Venue-Code-Expires-At header.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content =
                                    @Content(
                                            mediaType = "image/png",
                                            schema = @Schema(type = "string", format = "binary"))))
    public ResponseEntity<byte[]> venueCodePng(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "CHECK_IN") Attendance.Kind kind,
            @RequestParam(required = false) UUID positionId) {
        AttendanceService.VenueCode code = attendance.venueCode(id, positionId, kind);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.IMAGE_PNG)
                .header("Venue-Code-Expires-At", code.expiresAt().toString())
                .body(attendance.png(code));
    }

    @PostMapping("/activities/{id}/check-in")
    @Operation(
            summary = "The volunteer checks in with the code scanned at the venue (扫码签到)",
            description =
                    "The volunteer themself (volunteer_id from the token; others 403 naming volunteerId), for their own CONFIRMED "
                            + "sign-up. " + REFUSALS + " → VolunteerCheckedIn.")
    public AttendanceView checkIn(@PathVariable UUID id, @Valid @RequestBody AttendanceService.Scan scan) {
        return attendance.scan(id, Attendance.Kind.CHECK_IN, scan.code());
    }

    @PostMapping("/activities/{id}/check-out")
    @Operation(
            summary = "The volunteer checks out with the code scanned at the venue (扫码签退)",
            description =
                    "As check-in, with the venue's CHECK_OUT code. The attendance's hours, from check-in to check-out, at most "
                            + "wushe.volunteer.activities.daily-maximum (8 h) per day, rounded down to hours-rounding-unit (half an hour), are "
                            + "credited once (→ ServiceHoursCredited source ACTIVITY, PointsAwarded by the rules in effect). "
                            + REFUSALS
                            + " → VolunteerCheckedOut.")
    public AttendanceView checkOut(@PathVariable UUID id, @Valid @RequestBody AttendanceService.Scan scan) {
        return attendance.scan(id, Attendance.Kind.CHECK_OUT, scan.code());
    }

    @PostMapping("/activities/{id}/sign-ups/{signUpId}/check-in")
    @Operation(
            summary = "Staff check a volunteer in (代签到, someone without a phone)",
            description =
                    "By the activity's publisher only (403 naming id), recorded as by staff. 409 naming signUpId when the sign-up "
                            + "is not CONFIRMED or has checked in already. → VolunteerCheckedIn (byStaff).")
    public AttendanceView staffCheckIn(@PathVariable UUID id, @PathVariable UUID signUpId) {
        return attendance.byStaff(id, signUpId, Attendance.Kind.CHECK_IN);
    }

    @PostMapping("/activities/{id}/sign-ups/{signUpId}/check-out")
    @Operation(
            summary = "Staff check a volunteer out (代签退)",
            description =
                    "By the activity's publisher only (403 naming id), recorded as by staff; hours as at a scanned check-out. 409 "
                            + "naming signUpId before a check-in or when checked out already. → VolunteerCheckedOut (byStaff).")
    public AttendanceView staffCheckOut(@PathVariable UUID id, @PathVariable UUID signUpId) {
        return attendance.byStaff(id, signUpId, Attendance.Kind.CHECK_OUT);
    }

    @PostMapping("/activities/{id}/sign-ups/{signUpId}/attendance/corrections")
    @Operation(
            summary = "Staff correct a check-in or check-out time, with a reason (更正签到/签退时间)",
            description =
                    "By the activity's publisher only (403 naming id). checkedInAt, checkedOutAt or both (not in the future; the "
                            + "check-out after the check-in, 400 naming the field); reason required (≤ 200, 400 naming reason). Logged: who, "
                            + "when, why, before and after. The hours change by the difference, once: more time is a further credit "
                            + "(ServiceHoursCredited source ACTIVITY, with its points); less is an entry that lowers the total here (points "
                            + "already awarded stay). A first check-out given here counts as the check-out. The same times again: 200, nothing "
                            + "more. → VolunteerCheckedIn / VolunteerCheckedOut with corrected.")
    public AttendanceView correct(
            @PathVariable UUID id,
            @PathVariable UUID signUpId,
            @Valid @RequestBody AttendanceService.Correction correction) {
        return attendance.correct(id, signUpId, correction);
    }

    @GetMapping("/activities/{id}/sign-ups/{signUpId}/attendance")
    @Operation(
            summary =
                    "A sign-up's attendance: check-in, check-out, minutes credited and the corrections with their reasons",
            description = "The volunteer themself or the activity's publisher (403 naming signUpId otherwise).")
    public AttendanceView read(@PathVariable UUID id, @PathVariable UUID signUpId) {
        return attendance.read(id, signUpId);
    }
}
