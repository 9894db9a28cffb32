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
        Activity seen =
                activities.find(activityId).orElseThrow(() -> Problems.notFound("id", "activity " + activityId));
        UUID self = caller.tenantOf(Roles.VOLUNTEER).map(Publishers::uuidOrNull).orElse(null);
        UUID volunteerId = r.volunteerId() != null ? r.volunteerId() : self;
        if (volunteerId == null) {
            throw new InvalidInputException("volunteerId", "is required unless the caller is the volunteer 须指明志愿者");
        }
        if (!volunteerId.equals(self) && !Publishers.organizes(caller, seen)) {
            throw new ForbiddenException(
                    "volunteerId",
                    caller.describe() + " may not sign up volunteer " + volunteerId
                            + "; needs volunteer of " + volunteerId + " or " + Publishers.organizer(seen)
                            + " 只能为本人报名（活动发布方工作人员除外）",
                    "volunteer of " + volunteerId + " or " + Publishers.organizer(seen));
        }
        Instant now = now();
        // Lock order: the volunteer (their other sign-ups), the activity (shared), the position (its places).
        Volunteer v = volunteers
                .findForUpdate(volunteerId)
                .orElseThrow(() -> Problems.notFound("volunteerId", "volunteer " + volunteerId));
        volunteers.requireGuardianConsentIfMinor(v, LocalDate.ofInstant(now, VolunteerLookups.ZONE));
        Activity a = activities
                .findForShare(activityId)
                .orElseThrow(() -> Problems.notFound("id", "activity " + activityId));
        if (a.status() == Activity.Status.CANCELLED) {
            throw Problems.conflict("id", "activity " + activityId + " is cancelled 活动已取消");
        }
        Position p = activities
                .positionForUpdate(activityId, r.positionId())
                .orElseThrow(() ->
                        Problems.notFound("positionId", "position " + r.positionId() + " of activity " + activityId));
        Optional<SignUp> already = activities.liveSignUp(activityId, volunteerId);
        if (already.isPresent()) {
            if (already.get().positionId().equals(p.id())) {
                return new Outcome(view(already.get()), false);
            }
            throw Problems.conflict(
                    "positionId",
                    "volunteer " + volunteerId + " has signed up for position "
                            + already.get().positionId()
                            + " of this activity already; withdraw that first 已报名该活动的其他岗位");
        }
        if (!now.isBefore(p.startsAt())) {
            throw Problems.conflict(
                    "positionId", "sign-up closed: the position started at " + p.startsAt() + " 岗位已开始，报名截止");
        }
        List<org.wushe.hub.events.common.Skill> missing =
                p.skills().stream().filter(s -> !v.skills().contains(s)).toList();
        if (!missing.isEmpty()) {
            throw Problems.conflict(
                    "positionId", "the position needs skills " + missing + " the volunteer has not declared 缺少岗位所需技能");
        }
        if (p.qualification() != null) {
            Optional<Instant> validUntil = qualifications.validUntil(volunteerId, p.qualification(), now);
            if (validUntil.isEmpty()) {
                throw Problems.conflict(
                        "qualification",
                        "the position requires qualification " + p.qualification() + ", which volunteer " + volunteerId
                                + " does not hold (a TRAINING activity grants it, or staff record one) 缺少岗位所需资质");
            }
            if (validUntil.get().isBefore(p.endsAt())) {
                throw Problems.conflict(
                        "qualification",
                        "the volunteer's qualification " + p.qualification() + " is valid until " + validUntil.get()
                                + ", before the position ends at " + p.endsAt() + " 资质已过期或有效期不足");
            }
        }
        List<Instant> noShows = activities.noShowsSince(volunteerId, now.minus(rules.noShowWindow()));
        if (noShows.size() >= rules.noShowLimit()) {
            Instant reopens = noShows.get(rules.noShowLimit() - 1).plus(rules.noShowWindow());
            throw Problems.conflict(
                    "volunteerId",
                    "volunteer " + volunteerId + " did not come " + noShows.size() + " times in the last "
                            + rules.noShowWindow().toDays() + " days (the limit is " + rules.noShowLimit()
                            + "); sign-ups open again on "
                            + LocalDate.ofInstant(reopens, settings.zone()) + " 近"
                            + rules.noShowWindow().toDays() + "天内缺席" + noShows.size()
                            + "次，暂停报名");
        }
        Optional<ActivityRepository.Overlap> overlap =
                activities.overlapping(volunteerId, activityId, p.startsAt(), p.endsAt());
        if (overlap.isPresent()) {
            throw Problems.conflict(
                    "positionId",
                    "overlaps the volunteer's sign-up for activity "
                            + overlap.get().activityId() + " (" + overlap.get().startsAt() + " to "
                            + overlap.get().endsAt() + ") 与已报名的活动时间冲突");
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
                    "the position is full: " + c.held() + " of " + p.places() + " places taken and " + c.waiting()
                            + " of " + p.waitingListLimit() + " waiting 名额已满");
        }
        SignUp s = new SignUp(
                UUID.randomUUID(),
                0,
                activityId,
                p.id(),
                volunteerId,
                status,
                now,
                caller.subject(),
                null,
                null,
                null,
                null,
                null);
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
        Locked l = lock(activityId, signUpId, "approve sign-ups");
        SignUp s = l.signUp();
        if (s.status() == SignUp.Status.CONFIRMED) {
            return view(s);
        }
        if (s.status() != SignUp.Status.PENDING) {
            throw Problems.conflict(
                    "signUpId", "sign-up " + signUpId + " is " + s.status() + "; only a PENDING one is approved");
        }
        Instant now = now();
        activities.decide(signUpId, SignUp.Status.CONFIRMED, null, l.caller().subject(), now);
        outbox.publish(Aggregate.VOLUNTEER, activityId.toString(), ActivityEvents.approved(s, now));
        return view(activities.signUp(activityId, signUpId).orElseThrow());
    }

    /** The organizer rejects a pending or waiting sign-up; a place it held goes to the first waiting. */
    @Transactional
    public SignUpView reject(UUID activityId, UUID signUpId, SignUpRejectReason reason) {
        Locked l = lock(activityId, signUpId, "reject sign-ups");
        SignUp s = l.signUp();
        if (s.status() == SignUp.Status.REJECTED) {
            return view(s);
        }
        if (s.status() != SignUp.Status.PENDING && s.status() != SignUp.Status.WAITLISTED) {
            throw Problems.conflict(
                    "signUpId",
                    "sign-up " + signUpId + " is " + s.status() + "; only a PENDING or WAITLISTED one is "
                            + "rejected (withdraw a confirmed one)");
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
                .orElseThrow(() -> Problems.notFound("id", "activity " + activityId));
        SignUp seen = activities
                .signUp(activityId, signUpId)
                .orElseThrow(() -> Problems.notFound("signUpId", "sign-up " + signUpId));
        boolean self = caller.holds(Roles.VOLUNTEER, seen.volunteerId());
        boolean organizer = Publishers.organizes(caller, a);
        if (!self && !organizer) {
            throw new ForbiddenException(
                    "signUpId",
                    caller.describe() + " may not withdraw sign-up " + signUpId + " of volunteer "
                            + seen.volunteerId() + "; needs volunteer of " + seen.volunteerId() + " or "
                            + Publishers.organizer(a)
                            + " 只能撤回本人的报名",
                    "volunteer of " + seen.volunteerId() + " or " + Publishers.organizer(a));
        }
        Position p = activities
                .positionForUpdate(activityId, seen.positionId())
                .orElseThrow(() -> Problems.notFound("signUpId", "sign-up " + signUpId));
        SignUp s = activities.signUp(activityId, signUpId).orElseThrow();
        if (s.status() == SignUp.Status.WITHDRAWN) {
            return view(s);
        }
        if (!s.status().live()) {
            throw Problems.conflict("signUpId", "sign-up " + signUpId + " is " + s.status() + " already");
        }
        Instant now = now();
        if (!now.isBefore(p.startsAt())) {
            throw Problems.conflict(
                    "signUpId",
                    "the position started at " + p.startsAt() + "; a sign-up is withdrawn before it starts "
                            + "岗位已开始，不能撤回报名");
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
        Locked l = lock(activityId, signUpId, "record no-shows");
        SignUp s = l.signUp();
        if (s.noShowOn() != null) {
            return view(s);
        }
        if (s.status() != SignUp.Status.CONFIRMED) {
            throw Problems.conflict(
                    "signUpId",
                    "sign-up " + signUpId + " is " + s.status() + "; a no-show is recorded for a CONFIRMED one");
        }
        if (now().isBefore(l.position().endsAt())) {
            throw Problems.conflict(
                    "signUpId",
                    "the position ends at " + l.position().endsAt() + "; a no-show is recorded after it "
                            + "岗位结束后才能登记缺席");
        }
        activities.recordNoShow(signUpId, l.position().endsAt(), l.caller().subject());
        return view(activities.signUp(activityId, signUpId).orElseThrow());
    }

    /** The activity's sign-ups, for its organizer: volunteers by id only. */
    @Transactional(readOnly = true)
    public List<SignUpView> ofActivity(UUID activityId) {
        Activity a = activities.find(activityId).orElseThrow(() -> Problems.notFound("id", "activity " + activityId));
        Publishers.requireOrganizer(Access.caller(), a, "id", "see the sign-ups");
        return activities.signUpsOf(activityId).stream().map(this::view).toList();
    }

    /** The volunteer's own sign-ups, newest first. */
    @Transactional(readOnly = true)
    public List<SignUpView> ofVolunteer(UUID volunteerId, int limit) {
        if (!volunteers.exists(volunteerId)) {
            throw Problems.notFound("id", "volunteer " + volunteerId);
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
    private Locked lock(UUID activityId, UUID signUpId, String what) {
        Caller caller = Access.caller();
        Activity a = activities
                .findForShare(activityId)
                .orElseThrow(() -> Problems.notFound("id", "activity " + activityId));
        Publishers.requireOrganizer(caller, a, "id", what);
        SignUp seen = activities
                .signUp(activityId, signUpId)
                .orElseThrow(() -> Problems.notFound("signUpId", "sign-up " + signUpId));
        Position p = activities
                .positionForUpdate(activityId, seen.positionId())
                .or(() -> activities.position(seen.positionId()))
                .orElseThrow(() -> Problems.notFound("signUpId", "sign-up " + signUpId));
        return new Locked(caller, a, p, activities.signUp(activityId, signUpId).orElseThrow());
    }

    SignUpView view(SignUp s) {
        return SignUpView.of(s, s.status() == SignUp.Status.WAITLISTED ? activities.waitingRank(s) : null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
