package org.wushe.hub.volunteer.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.volunteer.SignUpRejectReason;
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
import org.wushe.hub.volunteer.qualification.QualificationService;
import org.wushe.hub.volunteer.volunteer.Volunteer;
import org.wushe.hub.volunteer.volunteer.VolunteerLookups;
import org.wushe.hub.volunteer.web.Problems;

/**
 * Sign-ups (报名) for an activity's positions. A volunteer signs up themself (the token's {@code volunteer_id}); the
 * publisher's staff may sign up a volunteer for their own activity (someone without a phone); nobody else signs up
 * another. A sign-up is refused (409) when the position has started, the volunteer lacks a skill it needs or the
 * qualification it requires valid through its end (naming {@code qualification}), has a live
 * sign-up for another activity at an overlapping time, or has reached the no-show limit
 * ({@code wushe.volunteer.activities.no-show-limit} within {@code no-show-window}). Otherwise it takes a place
 * (CONFIRMED, or PENDING where the activity asks for approval) while one is free, else waits (WAITLISTED) while the
 * waiting list has room, else 409. The place is counted under the position's row lock, so however many sign up at
 * once, no more than its places hold one. A place freed (withdrawal, rejection, more places) goes to the first waiting.
 */
@Service
public class SignUpService {

    private final ActivityRepository activities;
    private final VolunteerLookups volunteers;
    private final ActivityProperties rules;
    private final VolunteerProperties settings;
    private final OutboxWriter outbox;
    private final QualificationService qualifications;
    private final Clock clock;

    public SignUpService(
            ActivityRepository activities,
            VolunteerLookups volunteers,
            ActivityProperties rules,
            VolunteerProperties settings,
            OutboxWriter outbox,
            QualificationService qualifications,
            Clock clock) {
        this.activities = activities;
        this.qualifications = qualifications;
        this.volunteers = volunteers;
        this.rules = rules;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Request(
            @jakarta.validation.constraints.NotNull UUID positionId, UUID volunteerId) {}

    public record Rejection(
            @jakarta.validation.constraints.NotNull @org.wushe.hub.platform.web.Known
            SignUpRejectReason reason) {}

    /** What a sign-up answers: {@code created} false when the volunteer had signed up for this position already. */
    public record Outcome(SignUpView signUp, boolean created) {}

    @Transactional
    public Outcome signUp(UUID activityId, Request r) {
        Caller caller = Access.caller();
        Activity seen = activities
                .find(activityId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", activityId)));
        UUID self = caller.tenantOf(Roles.VOLUNTEER).map(Publishers::uuidOrNull).orElse(null);
        UUID volunteerId = r.volunteerId() != null ? r.volunteerId() : self;
        if (volunteerId == null) {
            throw new InvalidInputException("volunteerId", Messages.text("sign-up.volunteer-required"));
        }
        if (!volunteerId.equals(self) && !Publishers.organizes(caller, seen)) {
            throw new ForbiddenException(
                    "volunteerId",
                    Messages.text(
                            "sign-up.for-other-refused",
                            caller.describeText(),
                            volunteerId,
                            "volunteer of " + volunteerId + " or " + Publishers.organizer(seen)),
                    "volunteer of " + volunteerId + " or " + Publishers.organizer(seen));
        }
        Instant now = now();
        // Lock order: the volunteer (their other sign-ups), the activity (shared), the position (its places).
        Volunteer v = volunteers
                .findForUpdate(volunteerId)
                .orElseThrow(() -> Problems.notFound("volunteerId", Messages.text("volunteer.not-found", volunteerId)));
        volunteers.requireGuardianConsentIfMinor(v, LocalDate.ofInstant(now, VolunteerLookups.ZONE));
        Activity a = activities
                .findForShare(activityId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", activityId)));
        if (a.status() == Activity.Status.CANCELLED) {
            throw Problems.conflict("id", Messages.text("activity.cancelled", activityId));
        }
        Position p = activities
                .positionForUpdate(activityId, r.positionId())
                .orElseThrow(() -> Problems.notFound(
                        "positionId", Messages.text("activity.position-not-found", r.positionId(), activityId)));
        Optional<SignUp> already = activities.liveSignUp(activityId, volunteerId);
        if (already.isPresent()) {
            if (already.get().positionId().equals(p.id())) {
                return new Outcome(view(already.get()), false);
            }
            throw Problems.conflict(
                    "positionId",
                    Messages.text(
                            "sign-up.other-position", volunteerId, already.get().positionId()));
        }
        if (!now.isBefore(p.startsAt())) {
            throw Problems.conflict("positionId", Messages.text("sign-up.closed", p.startsAt()));
        }
        List<org.wushe.hub.events.common.Skill> missing =
                p.skills().stream().filter(s -> !v.skills().contains(s)).toList();
        if (!missing.isEmpty()) {
            throw Problems.conflict("positionId", Messages.text("sign-up.skills-missing", missing));
        }
        if (p.qualification() != null) {
            Optional<Instant> validUntil = qualifications.validUntil(volunteerId, p.qualification(), now);
            if (validUntil.isEmpty()) {
                throw Problems.conflict(
                        "qualification",
                        Messages.text("sign-up.qualification-missing", p.qualification(), volunteerId));
            }
            if (validUntil.get().isBefore(p.endsAt())) {
                throw Problems.conflict(
                        "qualification",
                        Messages.text(
                                "sign-up.qualification-expires", p.qualification(), validUntil.get(), p.endsAt()));
            }
        }
        List<Instant> noShows = activities.noShowsSince(volunteerId, now.minus(rules.noShowWindow()));
        if (noShows.size() >= rules.noShowLimit()) {
            Instant reopens = noShows.get(rules.noShowLimit() - 1).plus(rules.noShowWindow());
            throw Problems.conflict(
                    "volunteerId",
                    Messages.text(
                            "sign-up.no-shows",
                            volunteerId,
                            noShows.size(),
                            rules.noShowWindow().toDays(),
                            rules.noShowLimit(),
                            LocalDate.ofInstant(reopens, settings.zone())));
        }
        Optional<ActivityRepository.Overlap> overlap =
                activities.overlapping(volunteerId, activityId, p.startsAt(), p.endsAt());
        if (overlap.isPresent()) {
            throw Problems.conflict(
                    "positionId",
                    Messages.text(
                            "sign-up.overlaps",
                            overlap.get().activityId(),
                            overlap.get().startsAt(),
                            overlap.get().endsAt()));
        }
        ActivityRepository.Counts c = activities.counts(p.id());
        SignUp.Status status;
        if (c.held() < p.places()) {
            status = a.approvalRequired() ? SignUp.Status.PENDING : SignUp.Status.CONFIRMED;
        } else if (c.waiting() < p.waitingListLimit()) {
            status = SignUp.Status.WAITLISTED;
        } else {
            throw Problems.conflict(
                    "positionId",
                    Messages.text("sign-up.full", c.held(), p.places(), c.waiting(), p.waitingListLimit()));
        }
        SignUp s = SignUp.made(activityId, p.id(), volunteerId, status, now, caller.subject());
        activities.insert(s);
        boolean holds = status.holdsPlace();
        outbox.publish(
                Aggregate.VOLUNTEER,
                activityId.toString(),
                ActivityEvents.signedUp(s, p, c.held() + (holds ? 1 : 0), c.waiting() + (holds ? 0 : 1), now));
        return new Outcome(view(activities.signUp(activityId, s.id()).orElseThrow()), true);
    }

    /** The organizer approves a pending sign-up: CONFIRMED. Again: the same answer. */
    @Transactional
    public SignUpView approve(UUID activityId, UUID signUpId) {
        Locked l = lock(activityId, signUpId, Text.of("activity.action-approve"));
        SignUp s = l.signUp();
        if (s.status() == SignUp.Status.CONFIRMED) {
            return view(s);
        }
        if (s.status() != SignUp.Status.PENDING) {
            throw Problems.conflict("signUpId", Messages.text("sign-up.approve-not-pending", signUpId, s.status()));
        }
        Instant now = now();
        activities.decide(signUpId, SignUp.Status.CONFIRMED, null, l.caller().subject(), now);
        outbox.publish(Aggregate.VOLUNTEER, activityId.toString(), ActivityEvents.approved(s, now));
        return view(activities.signUp(activityId, signUpId).orElseThrow());
    }

    /** The organizer rejects a pending or waiting sign-up; a place it held goes to the first waiting. */
    @Transactional
    public SignUpView reject(UUID activityId, UUID signUpId, SignUpRejectReason reason) {
        Locked l = lock(activityId, signUpId, Text.of("activity.action-reject"));
        SignUp s = l.signUp();
        if (s.status() == SignUp.Status.REJECTED) {
            return view(s);
        }
        if (s.status() != SignUp.Status.PENDING && s.status() != SignUp.Status.WAITLISTED) {
            throw Problems.conflict("signUpId", Messages.text("sign-up.reject-not-pending", signUpId, s.status()));
        }
        Instant now = now();
        activities.decide(signUpId, SignUp.Status.REJECTED, reason, l.caller().subject(), now);
        outbox.publish(Aggregate.VOLUNTEER, activityId.toString(), ActivityEvents.rejected(s, reason, now));
        if (s.status().holdsPlace()) {
            fillFromWaitingList(l.activity(), l.position(), now);
        }
        return view(activities.signUp(activityId, signUpId).orElseThrow());
    }

    /**
     * The volunteer (or the organizer) withdraws a sign-up before its position starts; a place it held goes to the
     * first waiting. Again: the same answer.
     */
    @Transactional
    public SignUpView withdraw(UUID activityId, UUID signUpId) {
        Caller caller = Access.caller();
        Activity a = activities
                .findForShare(activityId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", activityId)));
        SignUp seen = activities
                .signUp(activityId, signUpId)
                .orElseThrow(() -> Problems.notFound("signUpId", Messages.text("sign-up.not-found", signUpId)));
        boolean self = caller.holds(Roles.VOLUNTEER, seen.volunteerId());
        boolean organizer = Publishers.organizes(caller, a);
        if (!self && !organizer) {
            throw new ForbiddenException(
                    "signUpId",
                    Messages.text(
                            "sign-up.withdraw-refused",
                            caller.describeText(),
                            signUpId,
                            seen.volunteerId(),
                            "volunteer of " + seen.volunteerId() + " or " + Publishers.organizer(a)),
                    "volunteer of " + seen.volunteerId() + " or " + Publishers.organizer(a));
        }
        Position p = activities
                .positionForUpdate(activityId, seen.positionId())
                .orElseThrow(() -> Problems.notFound("signUpId", Messages.text("sign-up.not-found", signUpId)));
        SignUp s = activities.signUp(activityId, signUpId).orElseThrow();
        if (s.status() == SignUp.Status.WITHDRAWN) {
            return view(s);
        }
        if (!s.status().live()) {
            throw Problems.conflict("signUpId", Messages.text("sign-up.ended-already", signUpId, s.status()));
        }
        Instant now = now();
        if (!now.isBefore(p.startsAt())) {
            throw Problems.conflict("signUpId", Messages.text("sign-up.withdraw-started", p.startsAt()));
        }
        activities.end(signUpId, SignUp.Status.WITHDRAWN, caller.subject(), now);
        outbox.publish(Aggregate.VOLUNTEER, activityId.toString(), ActivityEvents.withdrawn(s, self, now));
        if (s.status().holdsPlace()) {
            fillFromWaitingList(a, p, now);
        }
        return view(activities.signUp(activityId, signUpId).orElseThrow());
    }

    /**
     * The organizer records that a confirmed volunteer did not come (未到岗), once the position has ended. It counts
     * against further sign-ups for {@code no-show-window} from the position's end. Again: the same answer.
     */
    @Transactional
    public SignUpView noShow(UUID activityId, UUID signUpId) {
        Locked l = lock(activityId, signUpId, Text.of("activity.action-no-shows"));
        SignUp s = l.signUp();
        if (s.noShowOn() != null) {
            return view(s);
        }
        if (s.status() != SignUp.Status.CONFIRMED) {
            throw Problems.conflict("signUpId", Messages.text("sign-up.no-show-unconfirmed", signUpId, s.status()));
        }
        if (now().isBefore(l.position().endsAt())) {
            throw Problems.conflict(
                    "signUpId",
                    Messages.text("sign-up.no-show-early", l.position().endsAt()));
        }
        activities.recordNoShow(signUpId, l.position().endsAt(), l.caller().subject());
        return view(activities.signUp(activityId, signUpId).orElseThrow());
    }

    /** The activity's sign-ups, for its organizer: volunteers by id only. */
    @Transactional(readOnly = true)
    public List<SignUpView> ofActivity(UUID activityId) {
        Activity a = activities
                .find(activityId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", activityId)));
        Publishers.requireOrganizer(Access.caller(), a, "id", Text.of("activity.action-see-sign-ups"));
        return activities.signUpsOf(activityId).stream().map(this::view).toList();
    }

    /** The volunteer's own sign-ups, newest first. */
    @Transactional(readOnly = true)
    public List<SignUpView> ofVolunteer(UUID volunteerId, int limit) {
        if (!volunteers.exists(volunteerId)) {
            throw Problems.notFound("id", Messages.text("volunteer.not-found", volunteerId));
        }
        return activities.signUpsOfVolunteer(volunteerId, limit).stream()
                .map(this::view)
                .toList();
    }

    /**
     * Gives the position's free places to those waiting, first come first served: CONFIRMED, or PENDING where the
     * activity asks for approval (→ SignUpMovedUp each). The caller holds the position's lock.
     */
    void fillFromWaitingList(Activity a, Position p, Instant now) {
        ActivityRepository.Counts c = activities.counts(p.id());
        for (int free = p.places() - c.held(); free > 0; free--) {
            Optional<SignUp> next = activities.firstWaiting(p.id());
            if (next.isEmpty()) {
                return;
            }
            SignUp.Status status = a.approvalRequired() ? SignUp.Status.PENDING : SignUp.Status.CONFIRMED;
            activities.moveUp(next.get().id(), status, now);
            outbox.publish(
                    Aggregate.VOLUNTEER, a.id().toString(), ActivityEvents.movedUp(a, p, next.get(), status, now));
        }
    }

    private record Locked(Caller caller, Activity activity, Position position, SignUp signUp) {}

    /** The organizer's view of one sign-up, with the activity (shared) and the position locked; 403 naming {@code id} otherwise. */
    private Locked lock(UUID activityId, UUID signUpId, Text what) {
        Caller caller = Access.caller();
        Activity a = activities
                .findForShare(activityId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", activityId)));
        Publishers.requireOrganizer(caller, a, "id", what);
        SignUp seen = activities
                .signUp(activityId, signUpId)
                .orElseThrow(() -> Problems.notFound("signUpId", Messages.text("sign-up.not-found", signUpId)));
        Position p = activities
                .positionForUpdate(activityId, seen.positionId())
                .or(() -> activities.position(seen.positionId()))
                .orElseThrow(() -> Problems.notFound("signUpId", Messages.text("sign-up.not-found", signUpId)));
        return new Locked(caller, a, p, activities.signUp(activityId, signUpId).orElseThrow());
    }

    SignUpView view(SignUp s) {
        return SignUpView.of(s, s.status() == SignUp.Status.WAITLISTED ? activities.waitingRank(s) : null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
