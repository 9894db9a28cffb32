package org.wushe.hub.volunteer.activity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.ActivityPublisherKind;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.i18n.Text;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.VolunteerProperties;
import org.wushe.hub.volunteer.hours.HoursService;
import org.wushe.hub.volunteer.points.PointsRules;
import org.wushe.hub.volunteer.qualification.QualificationService;
import org.wushe.hub.volunteer.web.Problems;

/**
 * Check-in and check-out (签到/签退) at an activity. The organizer's staff show the venue's code ({@link VenueCodes}: signed
 * by this service, valid {@code venue-code-validity}, 5 minutes); a volunteer with a CONFIRMED sign-up scans it on their
 * phone; the staff check in and out those without a phone. A forged or altered code, an expired one, another activity's
 * or position's, the wrong kind, or one the volunteer used already for the same kind (its nonce is recorded per sign-up)
 * is refused naming {@code code}. At check-out the attendance's minutes ({@link #creditable}: capped per local day at
 * {@code daily-maximum}, 8 h, then rounded down to {@code hours-rounding-unit}, half an hour) are credited once through
 * {@link HoursService} (key {@code checkout:<signUpId>}, points by the rules in effect, the volunteer's flags included);
 * nothing without both ends. A staff correction of either time needs a reason, is logged (who, when, why, before and
 * after) and credits only the difference, once (key {@code correction:<id>}). The first check-out (or a correction giving
 * the first) of a TRAINING that grants a qualification grants it, once per sign-up. Every change holds the sign-up's
 * row lock.
 */
@Service
public class AttendanceService {

    private final ActivityRepository activities;
    private final AttendanceRepository attendance;
    private final VenueCodes codes;
    private final HoursService hours;
    private final ActivityProperties rules;
    private final VolunteerProperties settings;
    private final OutboxWriter outbox;
    private final QualificationService qualifications;
    private final Clock clock;

    public AttendanceService(
            ActivityRepository activities,
            AttendanceRepository attendance,
            VenueCodes codes,
            HoursService hours,
            ActivityProperties rules,
            VolunteerProperties settings,
            OutboxWriter outbox,
            QualificationService qualifications,
            Clock clock) {
        this.activities = activities;
        this.qualifications = qualifications;
        this.attendance = attendance;
        this.codes = codes;
        this.hours = hours;
        this.rules = rules;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A venue code as shown: the token (what the QR code holds) and what it says. */
    public record VenueCode(
            String code, UUID activityId, UUID positionId, Attendance.Kind kind, Instant issuedAt, Instant expiresAt) {}

    /** What a volunteer's phone posts: the code it scanned. */
    public record Scan(@NotBlank @Size(max = 200) String code) {}

    /** A staff correction of the check-in or check-out time, or both, with its reason (required). */
    public record Correction(
            Instant checkedInAt,
            Instant checkedOutAt,
            @NotBlank @Size(max = 200) String reason) {}

    /** The organizer's staff get a fresh code for the venue (any position, or {@code positionId}'s only). */
    @Transactional(readOnly = true)
    public VenueCode venueCode(UUID activityId, UUID positionId, Attendance.Kind kind) {
        Caller caller = Access.caller();
        Activity a = activities
                .find(activityId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", activityId)));
        Publishers.requireOrganizer(caller, a, "id", Text.of("activity.action-show-codes"));
        if (a.status() == Activity.Status.CANCELLED) {
            throw Problems.conflict("id", Messages.text("activity.cancelled", activityId));
        }
        if (positionId != null
                && activities
                        .position(positionId)
                        .filter(p -> p.activityId().equals(activityId))
                        .isEmpty()) {
            throw Problems.notFound("positionId", Messages.text("activity.position-not-found", positionId, activityId));
        }
        Instant now = now();
        Instant expires = now.plus(rules.venueCodeValidity());
        return new VenueCode(
                codes.issue(activityId, positionId, kind, now, expires), activityId, positionId, kind, now, expires);
    }

    /** The code as a PNG QR code. */
    public byte[] png(VenueCode code) {
        return codes.png(code.code(), 360);
    }

    /** A volunteer checks in or out of their own confirmed sign-up with the code they scanned at the venue. */
    @Transactional
    public AttendanceView scan(UUID activityId, Attendance.Kind kind, String code) {
        Caller caller = Access.caller();
        UUID volunteerId = caller.tenantOf(Roles.VOLUNTEER)
                .map(Publishers::uuidOrNull)
                .orElseThrow(() -> new ForbiddenException(
                        "volunteerId",
                        Messages.text("attendance.scan-not-volunteer", caller.describeText()),
                        Roles.VOLUNTEER));
        Instant now = now();
        VenueCodes.Claims c = codes.verify(code);
        if (now.isAfter(c.expiresAt())) {
            throw new InvalidInputException(VenueCodes.FIELD, Messages.text("venue-code.expired", c.expiresAt()));
        }
        if (!c.activityId().equals(activityId)) {
            throw new InvalidInputException(
                    VenueCodes.FIELD, Messages.text("venue-code.other-activity", c.activityId(), activityId));
        }
        if (c.kind() != kind) {
            throw new InvalidInputException(
                    VenueCodes.FIELD,
                    kind == Attendance.Kind.CHECK_IN
                            ? Messages.text("venue-code.not-check-in", c.kind())
                            : Messages.text("venue-code.not-check-out", c.kind()));
        }
        Activity a = activities
                .find(activityId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", activityId)));
        SignUp seen = activities
                .liveSignUp(activityId, volunteerId)
                .orElseThrow(() -> Problems.conflict(
                        "volunteerId", Messages.text("attendance.no-sign-up", volunteerId, activityId)));
        SignUp s = lockConfirmed(activityId, seen.id(), "volunteerId");
        if (c.positionId() != null && !c.positionId().equals(s.positionId())) {
            throw new InvalidInputException(
                    VenueCodes.FIELD, Messages.text("venue-code.other-position", c.positionId(), s.positionId()));
        }
        if (!attendance.useNonce(s.id(), kind, c.nonce(), now)) {
            throw Problems.conflict(VenueCodes.FIELD, Messages.text("venue-code.replayed", kind));
        }
        return apply(a, s, kind, now, caller.subject(), false, VenueCodes.FIELD);
    }

    /** The organizer's staff check a volunteer in or out (someone without a phone), recorded as by staff. */
    @Transactional
    public AttendanceView byStaff(UUID activityId, UUID signUpId, Attendance.Kind kind) {
        Caller caller = Access.caller();
        Activity a = activities
                .find(activityId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", activityId)));
        Publishers.requireOrganizer(
                caller,
                a,
                "id",
                kind == Attendance.Kind.CHECK_IN
                        ? Text.of("activity.action-check-in")
                        : Text.of("activity.action-check-out"));
        activities
                .signUp(activityId, signUpId)
                .orElseThrow(() -> Problems.notFound("signUpId", Messages.text("sign-up.not-found", signUpId)));
        SignUp s = lockConfirmed(activityId, signUpId, "signUpId");
        return apply(a, s, kind, now(), caller.subject(), true, "signUpId");
    }

    /**
     * The organizer's staff correct the check-in or check-out time (a reason is required): logged with who, when, why,
     * before and after; the attendance's hours change by the difference, once. A first check-out given by a correction is
     * the attendance's check-out (its hours credited as at a check-out). The same times again: nothing more.
     */
    @Transactional
    public AttendanceView correct(UUID activityId, UUID signUpId, Correction r) {
        Caller caller = Access.caller();
        Activity a = activities
                .find(activityId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", activityId)));
        Publishers.requireOrganizer(caller, a, "id", Text.of("activity.action-correct"));
        activities
                .signUp(activityId, signUpId)
                .orElseThrow(() -> Problems.notFound("signUpId", Messages.text("sign-up.not-found", signUpId)));
        if (r.checkedInAt() == null && r.checkedOutAt() == null) {
            throw new InvalidInputException("checkedInAt", Messages.text("attendance.correction-empty"));
        }
        Instant now = now();
        if (r.checkedInAt() != null && r.checkedInAt().isAfter(now)) {
            throw new InvalidInputException("checkedInAt", Messages.text("attendance.in-future"));
        }
        if (r.checkedOutAt() != null && r.checkedOutAt().isAfter(now)) {
            throw new InvalidInputException("checkedOutAt", Messages.text("attendance.in-future"));
        }
        SignUp s = lockConfirmed(activityId, signUpId, "signUpId");
        Optional<Attendance> before = attendance.find(signUpId);
        Instant inBefore = before.map(Attendance::checkedInAt).orElse(null);
        Instant outBefore = before.map(Attendance::checkedOutAt).orElse(null);
        Instant in = r.checkedInAt() != null ? r.checkedInAt().truncatedTo(ChronoUnit.MILLIS) : inBefore;
        Instant out = r.checkedOutAt() != null ? r.checkedOutAt().truncatedTo(ChronoUnit.MILLIS) : outBefore;
        if (in == null) {
            throw Problems.conflict("checkedInAt", Messages.text("attendance.correction-needs-check-in"));
        }
        if (out != null && !out.isAfter(in)) {
            throw new InvalidInputException(
                    r.checkedOutAt() != null ? "checkedOutAt" : "checkedInAt",
                    Messages.text("attendance.out-before-in", out, in));
        }
        if (in.equals(inBefore) && java.util.Objects.equals(out, outBefore)) {
            return view(s);
        }
        int minutesBefore = before.map(Attendance::creditedMinutes).orElse(0);
        int minutesAfter = out == null ? 0 : creditable(in, out);
        String by = caller.subject();
        if (before.isEmpty()) {
            attendance.checkIn(s.id(), s.activityId(), s.volunteerId(), in, by, true);
        }
        attendance.correct(s.id(), in, out, by, minutesAfter);
        UUID correctionId = UUID.randomUUID();
        attendance.insert(new Attendance.Correction(
                correctionId,
                s.id(),
                by,
                now,
                r.reason().strip(),
                inBefore,
                in,
                outBefore,
                out,
                minutesBefore,
                minutesAfter));
        int delta = minutesAfter - minutesBefore;
        if (delta != 0) {
            String key = outBefore == null ? checkoutKey(s) : "correction:" + correctionId;
            credit(a, s, delta, in, by, "correction of attendance at activity " + a.id(), key);
        }
        if (outBefore == null && out != null) {
            grantQualification(a, s, out, by);
        }
        if (!in.equals(inBefore)) {
            outbox.publish(
                    Aggregate.VOLUNTEER,
                    s.activityId().toString(),
                    ActivityEvents.checkedIn(s, in, true, before.isPresent(), now));
        }
        if (out != null) {
            outbox.publish(
                    Aggregate.VOLUNTEER,
                    s.activityId().toString(),
                    ActivityEvents.checkedOut(s, in, out, true, minutesAfter, outBefore != null, now));
        }
        return view(s);
    }

    /** A sign-up's attendance, for the volunteer themself or the organizer. */
    @Transactional(readOnly = true)
    public AttendanceView read(UUID activityId, UUID signUpId) {
        Caller caller = Access.caller();
        Activity a = activities
                .find(activityId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", activityId)));
        SignUp s = activities
                .signUp(activityId, signUpId)
                .orElseThrow(() -> Problems.notFound("signUpId", Messages.text("sign-up.not-found", signUpId)));
        if (!caller.holds(Roles.VOLUNTEER, s.volunteerId()) && !Publishers.organizes(caller, a)) {
            throw new ForbiddenException(
                    "signUpId",
                    Messages.text(
                            "attendance.see-refused",
                            caller.describeText(),
                            signUpId,
                            "volunteer of " + s.volunteerId() + " or " + Publishers.organizer(a)),
                    "volunteer of " + s.volunteerId() + " or " + Publishers.organizer(a));
        }
        return view(s);
    }

    /**
     * The minutes an attendance from {@code in} to {@code out} is worth: per local day (the service's zone) at most
     * {@code daily-maximum}, summed, then rounded to {@code hours-rounding-unit} ({@code hours-rounding}, DOWN by
     * default), never more than one credit holds (24 h).
     */
    int creditable(Instant in, Instant out) {
        if (!out.isAfter(in)) {
            return 0;
        }
        ZoneId zone = settings.zone();
        long cap = rules.dailyMaximum().toMinutes();
        long total = 0;
        for (ZonedDateTime day = LocalDate.ofInstant(in, zone).atStartOfDay(zone);
                day.toInstant().isBefore(out);
                day = day.plusDays(1)) {
            Instant from = in.isAfter(day.toInstant()) ? in : day.toInstant();
            Instant next = day.plusDays(1).toInstant();
            Instant to = out.isBefore(next) ? out : next;
            if (to.isAfter(from)) {
                total += Math.min(Duration.between(from, to).toMinutes(), cap);
            }
        }
        long unit = rules.hoursRoundingUnit().toMinutes();
        long rounded = switch (rules.hoursRounding()) {
            case DOWN -> total / unit * unit;
            case NEAREST -> (total + unit / 2) / unit * unit;
            case UP -> (total + unit - 1) / unit * unit;
        };
        return (int) Math.min(rounded, PointsRules.MAX_MINUTES_PER_CREDIT);
    }

    private AttendanceView apply(
            Activity a, SignUp s, Attendance.Kind kind, Instant now, String by, boolean byStaff, String field) {
        Optional<Attendance> att = attendance.find(s.id());
        if (kind == Attendance.Kind.CHECK_IN) {
            if (att.isPresent()) {
                throw Problems.conflict(
                        field,
                        Messages.text("attendance.checked-in-already", att.get().checkedInAt()));
            }
            attendance.checkIn(s.id(), s.activityId(), s.volunteerId(), now, by, byStaff);
            outbox.publish(
                    Aggregate.VOLUNTEER,
                    s.activityId().toString(),
                    ActivityEvents.checkedIn(s, now, byStaff, false, now));
            return view(s);
        }
        if (att.isEmpty()) {
            throw Problems.conflict(field, Messages.text("attendance.out-without-in"));
        }
        if (att.get().checkedOutAt() != null) {
            throw Problems.conflict(
                    field,
                    Messages.text("attendance.checked-out-already", att.get().checkedOutAt()));
        }
        Instant in = att.get().checkedInAt();
        if (!now.isAfter(in)) {
            throw Problems.conflict(field, Messages.text("attendance.out-not-after-in", in));
        }
        int minutes = creditable(in, now);
        attendance.checkOut(s.id(), now, by, byStaff, minutes);
        grantQualification(a, s, now, by);
        if (minutes > 0) {
            credit(a, s, minutes, in, by, "check-in and check-out at activity " + a.id(), checkoutKey(s));
        }
        outbox.publish(
                Aggregate.VOLUNTEER,
                s.activityId().toString(),
                ActivityEvents.checkedOut(s, in, now, byStaff, minutes, false, now));
        return view(s);
    }

    /**
     * An attendance recorded after the activity was held (活动补录, {@link HeldActivityService}): the confirmed sign-up
     * {@code s} checked in at {@code in} and out at {@code out}, both by staff ({@code by}), with the reason logged as the
     * attendance's correction (before: none). Its hours as at a check-out at {@code out}: {@link #creditable}, credited
     * once (key {@code checkout:<signUpId>}, points by the rules in effect), and a TRAINING's qualification granted.
     * → VolunteerCheckedIn and VolunteerCheckedOut, byStaff (not {@code corrected}: there was no earlier time).
     */
    int recordHeld(Activity a, SignUp s, Instant in, Instant out, String by, String reason, Instant now) {
        int minutes = creditable(in, out);
        attendance.checkIn(s.id(), s.activityId(), s.volunteerId(), in, by, true);
        attendance.checkOut(s.id(), out, by, true, minutes);
        attendance.insert(
                new Attendance.Correction(UUID.randomUUID(), s.id(), by, now, reason, null, in, null, out, 0, minutes));
        grantQualification(a, s, out, by);
        if (minutes > 0) {
            credit(a, s, minutes, in, by, "activity " + a.id() + " recorded after it was held", checkoutKey(s));
        }
        outbox.publish(
                Aggregate.VOLUNTEER, s.activityId().toString(), ActivityEvents.checkedIn(s, in, true, false, now));
        outbox.publish(
                Aggregate.VOLUNTEER,
                s.activityId().toString(),
                ActivityEvents.checkedOut(s, in, out, true, minutes, false, now));
        return minutes;
    }

    /**
     * A TRAINING that grants a qualification grants it at the attendance's first check-out (both ends recorded), valid
     * from the check-out; once per sign-up, whatever follows (QualificationService#grantForTraining).
     */
    private void grantQualification(Activity a, SignUp s, Instant checkedOutAt, String by) {
        if (a.grantsQualification() != null) {
            qualifications.grantForTraining(s.volunteerId(), a.grantsQualification(), a.id(), s.id(), checkedOutAt, by);
        }
    }

    /** Locks the sign-up's row and returns it as it is now; 409 naming {@code field} unless it is CONFIRMED. */
    private SignUp lockConfirmed(UUID activityId, UUID signUpId, String field) {
        attendance.lockSignUp(signUpId);
        SignUp s = activities
                .signUp(activityId, signUpId)
                .orElseThrow(() -> Problems.notFound("signUpId", Messages.text("sign-up.not-found", signUpId)));
        if (s.status() != SignUp.Status.CONFIRMED) {
            throw Problems.conflict(field, Messages.text("attendance.unconfirmed", signUpId, s.status()));
        }
        return s;
    }

    private AttendanceView view(SignUp s) {
        return AttendanceView.of(s, attendance.find(s.id()).orElse(null), attendance.corrections(s.id()));
    }

    private static String checkoutKey(SignUp s) {
        return "checkout:" + s.id();
    }

    private static UUID stationOf(Activity a) {
        return a.publisherKind() == ActivityPublisherKind.STATION ? a.publisherId() : null;
    }

    /**
     * Credits {@code minutes} (may be negative: a correction) of the sign-up's attendance, checked in at {@code in}, to
     * the volunteer: the activity's station and community, served on {@code in}'s day, once per {@code key}.
     */
    private void credit(Activity a, SignUp s, int minutes, Instant in, String by, String note, String key) {
        hours.creditActivity(new HoursService.ActivityHours(
                s.id(), s.volunteerId(), minutes, stationOf(a), a.communityId(), servedOn(in), by, note, key));
    }

    private LocalDate servedOn(Instant in) {
        return LocalDate.ofInstant(in, settings.zone());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
