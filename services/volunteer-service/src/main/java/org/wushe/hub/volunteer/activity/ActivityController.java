package org.wushe.hub.volunteer.activity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.common.ActivityKind;
import org.wushe.hub.platform.web.IdempotencyKeys;

/**
 * Activities (活动) and sign-ups (报名). Who may: publishing, changing and cancelling, approving, rejecting and
 * no-shows by the publisher (its staff, or the social worker themself) as the token's tenancy says; signing up by the
 * volunteer themself (or the publisher's staff for them); withdrawing by either; reads by any valid token. Each
 * refusal is a 403 problem naming the field.
 */
@RestController
@Tag(
        name = "activities",
        description = "活动与报名 Activities with positions, sign-ups, approval, waiting list and no-shows")
public class ActivityController {

    private final ActivityService activities;
    private final SignUpService signUps;
    private final HeldActivityService held;

    public ActivityController(ActivityService activities, SignUpService signUps, HeldActivityService held) {
        this.activities = activities;
        this.signUps = signUps;
        this.held = held;
    }

    @PostMapping("/activities")
    @Operation(
            summary = "Publish an activity with its positions (发布活动)",
            description =
                    "The publisher is the caller's station, community, organization or social worker, from the token "
                            + "(station_id, community_id, organization_id, social_worker_id); name it in publisher {kind, id} only when the "
                            + "token holds several or as the hub admin; another's is 403 naming publisher.id, no publishing role 403 naming "
                            + "publisher. title, description and each duty are screened for phone and ID numbers (400 naming the field). "
                            + "venueOfferId names a venue offer of the resource service, which reserves the activity's window there for its "
                            + "people (positions' places and residents served) through the saga: venue.status PENDING, then RESERVED, "
                            + "or REFUSED with the reason (e.g. SLOT_TAKEN when another activity holds it). → ActivityPublished "
                            + "(ids and counts only).")
    public ResponseEntity<ActivityView> publish(@Valid @RequestBody ActivityRequest request) {
        ActivityView a = activities.publish(request);
        return ResponseEntity.created(URI.create("/activities/" + a.id())).body(a);
    }

    @PostMapping("/activities/held")
    @Operation(
            summary = "Record an activity after it was held, with who attended when (补录已举办活动)",
            description =
                    "By whoever may publish it (the publisher and tenancy rules of POST /activities; another's 403 naming "
                            + "publisher.id). The publish body, plus reason (required, ≤ 200: why it is entered afterwards, kept with each "
                            + "attendance as its staff record) and attendances [{position (index in positions; may be left out with one "
                            + "position), volunteerId, checkedInAt, checkedOutAt}]. The activity ended before now (400 naming endsAt) and "
                            + "started within wushe.volunteer.activities.backfill-days (30; 400 naming startsAt). Each attendance: within the "
                            + "position's time give or take 2 hours, check-out after check-in and not in the future (400 naming "
                            + "attendances[i].checkedInAt or .checkedOutAt); each volunteer once (400 naming attendances[i].volunteerId); "
                            + "no more than the position's places (400 naming attendances[i].position); a registered volunteer not erased "
                            + "(404 naming attendances[i].volunteerId); the position's skills and qualification held at the time, a minor's "
                            + "guardian consent (409 naming attendances[i].volunteerId); no live sign-up of the volunteer at an overlapping "
                            + "time (409 naming attendances[i].checkedInAt). Each attendance is a CONFIRMED sign-up checked in and out by "
                            + "staff, its hours credited as a check-out at that time credits them (daily maximum, rounding, points by the "
                            + "rules in effect, a TRAINING's qualification). Optional Idempotency-Key: a repeat answers 200 with the "
                            + "first request's record (Idempotent-Replayed: true) and records nothing; the key with another request 422. "
                            + "→ ActivityPublished, VolunteerSignedUp (CONFIRMED), VolunteerCheckedIn and VolunteerCheckedOut (byStaff), "
                            + "ServiceHoursCredited (ACTIVITY) with PointsAwarded.")
    public ResponseEntity<HeldActivityService.HeldView> recordHeld(
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody HeldActivityRequest request) {
        HeldActivityService.Outcome o = held.record(request, key);
        UUID id = o.held().activity().id();
        return (o.replayed() ? ResponseEntity.ok() : ResponseEntity.created(URI.create("/activities/" + id)))
                .header(IdempotencyKeys.REPLAYED, String.valueOf(o.replayed()))
                .body(o.held());
    }

    @GetMapping("/activities")
    @Operation(
            summary =
                    "Activities not yet ended (or ending after from), soonest first, with places taken and waiting per position")
    public List<ActivityView> list(
            @RequestParam(required = false) UUID communityId,
            @RequestParam(required = false) ActivityKind kind,
            @RequestParam(required = false) Instant from,
            @RequestParam(defaultValue = "false") boolean includeCancelled,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return activities.list(communityId, kind, from, includeCancelled, limit, offset);
    }

    @GetMapping("/activities/{id}")
    @Operation(summary = "An activity with its positions, places taken and sign-ups waiting")
    public ActivityView get(@PathVariable UUID id) {
        return activities.read(id);
    }

    @PutMapping("/activities/{id}")
    @Operation(
            summary = "Change an activity before it starts (replaced as a whole; 修改活动)",
            description =
                    "By its publisher only (403 naming id). Positions with their id are kept with their sign-ups, without id "
                            + "added, left out removed (409 naming positions when one has live sign-ups); places never below those taken "
                            + "(409 naming positions[i].places); added places go to the waiting list first come first served. → ActivityChanged.")
    public ActivityView change(@PathVariable UUID id, @Valid @RequestBody ActivityRequest request) {
        return activities.change(id, request);
    }

    @PostMapping("/activities/{id}/cancel")
    @Operation(
            summary = "Cancel an activity before it ends (取消活动)",
            description =
                    "By its publisher only (403 naming id); reason WEATHER, VENUE_UNAVAILABLE, TOO_FEW_VOLUNTEERS, ORGANIZER or "
                            + "OTHER, an optional note (≤ 200, screened). Every live sign-up ends with it. → ActivityCancelled. Again: 200, nothing more.")
    public ActivityView cancel(@PathVariable UUID id, @Valid @RequestBody ActivityService.Cancel request) {
        return activities.cancel(id, request);
    }

    @PostMapping("/activities/{id}/sign-ups")
    @Operation(
            summary = "Sign up for a position (报名)",
            description =
                    "The volunteer themself (volunteerId from the token; another's is 403 naming volunteerId), or the publisher's "
                            + "staff for a volunteer. 201 CONFIRMED, PENDING (the activity asks for approval) or WAITLISTED (full, the waiting "
                            + "list has room); 200 with the same sign-up when repeated. 409 naming positionId when full, started, overlapping "
                            + "another sign-up of the volunteer, or a needed skill is missing; 409 naming volunteerId at the no-show limit. "
                            + "→ VolunteerSignedUp.")
    public ResponseEntity<SignUpView> signUp(@PathVariable UUID id, @Valid @RequestBody SignUpService.Request request) {
        SignUpService.Outcome o = signUps.signUp(id, request);
        return o.created()
                ? ResponseEntity.created(URI.create(
                                "/activities/" + id + "/sign-ups/" + o.signUp().id()))
                        .body(o.signUp())
                : ResponseEntity.ok(o.signUp());
    }

    @GetMapping("/activities/{id}/sign-ups")
    @Operation(summary = "The activity's sign-ups, for its publisher (volunteers by id only)")
    public List<SignUpView> signUps(@PathVariable UUID id) {
        return signUps.ofActivity(id);
    }

    @PostMapping("/activities/{id}/sign-ups/{signUpId}/approve")
    @Operation(
            summary = "Approve a pending sign-up (审核通过)",
            description = "By the publisher only (403 naming id). → SignUpApproved.")
    public SignUpView approve(@PathVariable UUID id, @PathVariable UUID signUpId) {
        return signUps.approve(id, signUpId);
    }

    @PostMapping("/activities/{id}/sign-ups/{signUpId}/reject")
    @Operation(
            summary = "Reject a pending or waiting sign-up (审核不通过)",
            description =
                    "By the publisher only (403 naming id); reason NOT_SUITABLE, QUALIFICATION_MISSING, ENOUGH_VOLUNTEERS or OTHER. "
                            + "A place it held goes to the first waiting. → SignUpRejected (and SignUpMovedUp).")
    public SignUpView reject(
            @PathVariable UUID id, @PathVariable UUID signUpId, @Valid @RequestBody SignUpService.Rejection request) {
        return signUps.reject(id, signUpId, request.reason());
    }

    @PostMapping("/activities/{id}/sign-ups/{signUpId}/withdraw")
    @Operation(
            summary = "Withdraw a sign-up before the position starts (撤回报名)",
            description =
                    "The volunteer themself or the publisher (403 naming signUpId otherwise). A place it held goes to the first "
                            + "waiting, first come first served. → SignUpWithdrawn (and SignUpMovedUp). Again: 200, nothing more.")
    public SignUpView withdraw(@PathVariable UUID id, @PathVariable UUID signUpId) {
        return signUps.withdraw(id, signUpId);
    }

    @PostMapping("/activities/{id}/sign-ups/{signUpId}/no-show")
    @Operation(
            summary = "Record that a confirmed volunteer did not come (登记缺席)",
            description =
                    "By the publisher only (403 naming id), after the position ended (409 before). Counts against further "
                            + "sign-ups: wushe.volunteer.activities.no-show-limit (3) within no-show-window (90 days). Kept in this service, "
                            + "published nowhere.")
    public SignUpView noShow(@PathVariable UUID id, @PathVariable UUID signUpId) {
        return signUps.noShow(id, signUpId);
    }

    @GetMapping("/volunteers/{id}/sign-ups")
    @Operation(summary = "The volunteer's own sign-ups, newest first")
    public List<SignUpView> mine(
            @PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return signUps.ofVolunteer(id, limit);
    }
}
