package org.wushe.hub.volunteer.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.web.IdempotencyKeys;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.qualification.QualificationService;
import org.wushe.hub.volunteer.volunteer.Volunteer;
import org.wushe.hub.volunteer.volunteer.VolunteerLookups;
import org.wushe.hub.volunteer.web.Problems;

/**
 * An activity recorded after it was held (活动补录): the field enters service records afterwards, by staff, with the
 * reason. Whoever may publish the activity (the same publisher and tenancy rules as {@code POST /activities}) records it
 * with who attended when; it must have ended and started within {@code backfill-days} (30). It is then as if it had
 * happened: published (ActivityPublished), each attendant signed up CONFIRMED (VolunteerSignedUp), checked in and out
 * by staff (VolunteerCheckedIn/Out, byStaff) with the reason logged as the attendance's staff record, and credited the
 * hours a check-out at that time credits ({@link AttendanceService#creditable}: the daily maximum, the rounding, points
 * by the rules in effect, a TRAINING's qualification), all in one transaction.
 *
 * <p>What of the sign-up rules applies to a record after the fact: the volunteer registered and not erased; the
 * position's places; each volunteer once; the skills a position needs and the qualification it requires, held at the
 * time they served (valid from before the check-in through the check-out), since the record says they did that work;
 * a minor's guardian consent; and no overlap: another live sign-up of theirs whose time overlaps the recorded
 * attendance says they were elsewhere. Not applied: the sign-up deadline (the position started, by nature), approval
 * (the organizer records it themself), the waiting list, and the no-show limit (it guards future sign-ups, and the
 * volunteer did come).
 */
@Service
public class HeldActivityService {

    /** Check-in and check-out may lie this far outside the position's time (came early to set up, stayed to tidy). */
    static final Duration SLACK = Duration.ofHours(2);

    private final ActivityService activities;
    private final ActivityRepository repository;
    private final AttendanceService attendance;
    private final AttendanceRepository attendances;
    private final HeldActivityRepository held;
    private final VolunteerLookups volunteers;
    private final QualificationService qualifications;
    private final OutboxWriter outbox;
    private final Clock clock;

    public HeldActivityService(
            ActivityService activities,
            ActivityRepository repository,
            AttendanceService attendance,
            AttendanceRepository attendances,
            HeldActivityRepository held,
            VolunteerLookups volunteers,
            QualificationService qualifications,
            OutboxWriter outbox,
            Clock clock) {
        this.activities = activities;
        this.repository = repository;
        this.attendance = attendance;
        this.attendances = attendances;
        this.held = held;
        this.volunteers = volunteers;
        this.qualifications = qualifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The held activity as recorded, with its attendances. */
    public record HeldView(ActivityView activity, String reason, List<AttendanceView> attendances) {}

    /** {@code replayed}: the answer of the first request with the same Idempotency-Key; nothing was recorded now. */
    public record Outcome(HeldView held, boolean replayed) {}

    @Transactional
    public Outcome record(HeldActivityRequest r, String idempotencyKey) {
        Caller caller = Access.caller();
        ActivityRequest request = r.activity();
        ActivityRequest.Publisher publisher = Publishers.resolve(caller, request.publisher());
        String key = IdempotencyKeys.optional(idempotencyKey);
        if (key != null) {
            Optional<HeldActivityRepository.Held> earlier = held.byKey(publisher, key);
            if (earlier.isPresent()) {
                return new Outcome(replay(earlier.get(), r.fingerprint()), true);
            }
        }
        Instant now = now();
        activities.validate(request, now, false, true);
        String reason = r.reason().strip();
        List<Integer> positionOf = checkAttendances(r, now);

        ActivityService.Inserted inserted = activities.insert(request, publisher, caller, now);
        Activity a = inserted.activity();
        if (!held.insert(a.id(), publisher, key, r.fingerprint(), reason, caller.subject(), now)) {
            throw Problems.conflict(IdempotencyKeys.HEADER, Messages.text("held.key-in-use", key));
        }
        // Lock order as a sign-up's: the volunteers (in id order, so two records never wait on each other), then the
        // rest.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < r.attendances().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> r.attendances().get(i).volunteerId()));
        Map<Integer, Volunteer> locked = new HashMap<>();
        for (int i : order) {
            UUID id = r.attendances().get(i).volunteerId();
            Volunteer v = volunteers
                    .findForUpdate(id)
                    .orElseThrow(() -> Problems.notFound(
                            "attendances[" + i + "].volunteerId",
                            volunteers.erased(id)
                                    ? Messages.text("held.volunteer-erased", id)
                                    : Messages.text("volunteer.not-found", id)));
            locked.put(i, v);
        }
        Map<Integer, Integer> taken = new HashMap<>();
        for (int i = 0; i < r.attendances().size(); i++) {
            HeldActivityRequest.HeldAttendance h = r.attendances().get(i);
            Position p = inserted.positions().get(positionOf.get(i));
            Volunteer v = locked.get(i);
            requireMayServe(i, v, p, h);
            int placesTaken = taken.merge(p.ordinal(), 1, Integer::sum);
            SignUp s = SignUp.made(a.id(), p.id(), v.id(), SignUp.Status.CONFIRMED, now, caller.subject());
            repository.insert(s);
            outbox.publish(Aggregate.VOLUNTEER, a.id().toString(), ActivityEvents.signedUp(s, p, placesTaken, 0, now));
            attendance.recordHeld(a, s, h.checkedInAt(), h.checkedOutAt(), caller.subject(), reason, now);
        }
        return new Outcome(view(a.id(), reason), false);
    }

    /**
     * The attendances' own rules, before anything is written (400 naming {@code attendances[i].<field>}): the position
     * named (by index; may be left out when there is one), check-out after check-in, both within the position's time
     * give or take {@link #SLACK} and not in the future, each volunteer once, no more than the position's places.
     * Returns each attendance's position index.
     */
    private static List<Integer> checkAttendances(HeldActivityRequest r, Instant now) {
        ActivityRequest request = r.activity();
        List<Integer> positionOf = new ArrayList<>();
        Map<UUID, Integer> seen = new HashMap<>();
        Map<Integer, Integer> counted = new HashMap<>();
        for (int i = 0; i < r.attendances().size(); i++) {
            HeldActivityRequest.HeldAttendance h = r.attendances().get(i);
            String at = "attendances[" + i + "].";
            int index;
            if (h.position() != null) {
                index = h.position();
                if (index >= request.positions().size()) {
                    throw new InvalidInputException(
                            at + "position",
                            Messages.text(
                                    "held.position-unknown",
                                    index,
                                    request.positions().size()));
                }
            } else if (request.positions().size() == 1) {
                index = 0;
            } else {
                throw new InvalidInputException(
                        at + "position",
                        Messages.text(
                                "held.position-required", request.positions().size()));
            }
            ActivityRequest.PositionRequest p = request.positions().get(index);
            Instant start = p.startsAt() == null ? request.startsAt() : p.startsAt();
            Instant end = p.endsAt() == null ? request.endsAt() : p.endsAt();
            if (h.checkedInAt().isBefore(start.minus(SLACK)) || !h.checkedInAt().isBefore(end.plus(SLACK))) {
                throw new InvalidInputException(
                        at + "checkedInAt", Messages.text("held.outside-position", start, end, SLACK.toHours()));
            }
            if (!h.checkedOutAt().isAfter(h.checkedInAt())) {
                throw new InvalidInputException(
                        at + "checkedOutAt",
                        Messages.text("attendance.out-before-in", h.checkedOutAt(), h.checkedInAt()));
            }
            if (h.checkedOutAt().isAfter(end.plus(SLACK))) {
                throw new InvalidInputException(
                        at + "checkedOutAt", Messages.text("held.outside-position", start, end, SLACK.toHours()));
            }
            if (h.checkedOutAt().isAfter(now)) {
                throw new InvalidInputException(at + "checkedOutAt", Messages.text("attendance.in-future"));
            }
            Integer twice = seen.putIfAbsent(h.volunteerId(), i);
            if (twice != null) {
                throw new InvalidInputException(
                        at + "volunteerId", Messages.text("held.volunteer-twice", h.volunteerId(), twice));
            }
            int count = counted.merge(index, 1, Integer::sum);
            if (count > p.places()) {
                throw new InvalidInputException(at + "position", Messages.text("held.over-places", index, p.places()));
            }
            positionOf.add(index);
        }
        return positionOf;
    }

    /**
     * The sign-up rules that hold for a record after the fact (see the class): skills, the qualification held through
     * the attendance, a minor's guardian consent, no overlapping live sign-up; 409 naming the attendance's field.
     */
    private void requireMayServe(int i, Volunteer v, Position p, HeldActivityRequest.HeldAttendance h) {
        String at = "attendances[" + i + "].";
        List<Skill> missing =
                p.skills().stream().filter(s -> !v.skills().contains(s)).toList();
        if (!missing.isEmpty()) {
            throw Problems.conflict(at + "volunteerId", Messages.text("sign-up.skills-missing", missing));
        }
        if (p.qualification() != null) {
            Optional<Instant> validUntil = qualifications.validUntil(v.id(), p.qualification(), h.checkedInAt());
            if (validUntil.isEmpty() || validUntil.get().isBefore(h.checkedOutAt())) {
                throw Problems.conflict(
                        at + "volunteerId",
                        Messages.text("held.qualification-missing", p.qualification(), v.id(), h.checkedInAt()));
            }
        }
        LocalDate servedOn = LocalDate.ofInstant(h.checkedInAt(), VolunteerLookups.ZONE);
        try {
            volunteers.requireGuardianConsentIfMinor(v, servedOn);
        } catch (InvalidInputException e) {
            throw Problems.conflict(at + "volunteerId", Messages.text("guardian.consent-required", v.id()));
        }
        Optional<ActivityRepository.Overlap> overlap =
                repository.overlapping(v.id(), p.activityId(), h.checkedInAt(), h.checkedOutAt());
        if (overlap.isPresent()) {
            throw Problems.conflict(
                    at + "checkedInAt",
                    Messages.text(
                            "sign-up.overlaps",
                            overlap.get().activityId(),
                            overlap.get().startsAt(),
                            overlap.get().endsAt()));
        }
    }

    /** A repeat under the same key: the first request's answer; another request under it 422 naming the header. */
    private HeldView replay(HeldActivityRepository.Held earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw IdempotencyKeys.reused(earlier.fingerprint());
        }
        return view(earlier.activityId(), earlier.reason());
    }

    private HeldView view(UUID activityId, String reason) {
        return new HeldView(
                activities.read(activityId),
                reason,
                repository.signUpsOf(activityId).stream()
                        .map(s -> AttendanceView.of(
                                s, attendances.find(s.id()).orElse(null), attendances.corrections(s.id())))
                        .toList());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
