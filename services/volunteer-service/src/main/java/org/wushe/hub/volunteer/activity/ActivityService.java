package org.wushe.hub.volunteer.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.ActivityKind;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.volunteer.ActivityCancelReason;
import org.wushe.hub.events.volunteer.ActivityChanged;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.i18n.Text;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.privacy.PersonalDataScreen;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.qualification.QualificationService;
import org.wushe.hub.volunteer.web.Problems;
import org.wushe.hub.volunteer.web.RuleViolation;

/**
 * Activities (活动): published by a station, a community, a social organization or a social worker (the token's
 * tenancy decides which), changed and cancelled by the same. Each change is written with its event
 * (ActivityPublished, ActivityChanged, ActivityCancelled on {@code wushe.volunteer.volunteer}, key the activity id)
 * in one transaction.
 */
@Service
public class ActivityService {

    /** An activity lasts at most this long (a festival day, a weekend training). */
    static final Duration MAX_LENGTH = Duration.ofDays(7);

    private final ActivityRepository activities;
    private final SignUpService signUps;
    private final ActivityProperties rules;
    private final OutboxWriter outbox;
    private final QualificationService qualifications;
    private final ActivityVenues venues;
    private final Clock clock;

    public ActivityService(
            ActivityRepository activities,
            SignUpService signUps,
            ActivityProperties rules,
            OutboxWriter outbox,
            QualificationService qualifications,
            ActivityVenues venues,
            Clock clock) {
        this.venues = venues;
        this.activities = activities;
        this.signUps = signUps;
        this.rules = rules;
        this.qualifications = qualifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Cancel(
            @jakarta.validation.constraints.NotNull @org.wushe.hub.platform.web.Known
            ActivityCancelReason reason,

            @jakarta.validation.constraints.Size(max = 200) String note) {}

    @Transactional
    public ActivityView publish(ActivityRequest r) {
        Caller caller = Access.caller();
        ActivityRequest.Publisher publisher = Publishers.resolve(caller, r.publisher());
        Instant now = now();
        validate(r, now, false);
        return view(insert(r, publisher, caller, now).activity());
    }

    /** An activity as inserted, with its positions in the request's order. */
    record Inserted(Activity activity, List<Position> positions) {}

    /**
     * Inserts the validated activity {@code r} for {@code publisher} with its positions and writes ActivityPublished:
     * what publishing does, and what recording a held activity ({@link HeldActivityService}) does first.
     */
    Inserted insert(ActivityRequest r, ActivityRequest.Publisher publisher, Caller caller, Instant now) {
        Activity a = new Activity(
                UUID.randomUUID(),
                publisher.kind(),
                publisher.id(),
                r.kind(),
                screened(r),
                PersonalDataScreen.screen("description", blankToNull(r.description())),
                r.communityId(),
                r.startsAt(),
                r.endsAt(),
                r.venueOfferId(),
                coHosts(r, ActivityRequest.CoHostKind.ORGANIZATION),
                coHosts(r, ActivityRequest.CoHostKind.DONOR),
                Boolean.TRUE.equals(r.approvalRequired()),
                served(r),
                Activity.Status.PUBLISHED,
                1,
                null,
                null,
                caller.subject(),
                now,
                now,
                r.grantsQualification());
        activities.insert(a);
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < r.positions().size(); i++) {
            Position p = position(r, i, UUID.randomUUID(), a.id());
            activities.insert(p);
            positions.add(p);
        }
        ActivityPublished published = ActivityEvents.published(a, positions, now);
        outbox.publish(Aggregate.VOLUNTEER, a.id().toString(), published);
        venues.asked(a.id(), published.getDetails(), now);
        return new Inserted(a, positions);
    }

    /**
     * The publisher changes the activity before it starts (replaced as a whole). A position keeps its sign-ups; its
     * places never drop below those taken (409 naming {@code positions[i].places}); a position with live sign-ups is
     * not removed (409 naming {@code positions}); places added go to the waiting list first come first served.
     */
    @Transactional
    public ActivityView change(UUID id, ActivityRequest r) {
        Caller caller = Access.caller();
        Activity current = activities
                .findForUpdate(id)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", id)));
        Publishers.requireOrganizer(caller, current, "id", Text.of("activity.action-change"));
        Instant now = now();
        if (current.status() == Activity.Status.CANCELLED) {
            throw Problems.conflict("id", Messages.text("activity.cancelled", id));
        }
        if (!now.isBefore(current.startsAt())) {
            throw Problems.conflict("id", Messages.text("activity.started", id));
        }
        if (r.publisher() != null
                && (r.publisher().kind() != current.publisherKind()
                        || !r.publisher().id().equals(current.publisherId()))) {
            throw new InvalidInputException(
                    "publisher",
                    Messages.text("activity.publisher-kept", current.publisherKind(), current.publisherId()));
        }
        validate(r, now, true);
        Map<UUID, Position> existing = new java.util.LinkedHashMap<>();
        activities.positions(id).forEach(p -> existing.put(p.id(), p));
        Set<UUID> named = new HashSet<>();
        for (int i = 0; i < r.positions().size(); i++) {
            UUID pid = r.positions().get(i).id();
            if (pid != null && (!existing.containsKey(pid) || !named.add(pid))) {
                throw new InvalidInputException(
                        "positions[" + i + "].id",
                        existing.containsKey(pid)
                                ? Messages.text("activity.position-twice")
                                : Messages.text("activity.position-elsewhere", id));
            }
        }
        Activity changed = new Activity(
                current.id(),
                current.publisherKind(),
                current.publisherId(),
                r.kind(),
                screened(r),
                PersonalDataScreen.screen("description", blankToNull(r.description())),
                r.communityId(),
                r.startsAt(),
                r.endsAt(),
                r.venueOfferId(),
                coHosts(r, ActivityRequest.CoHostKind.ORGANIZATION),
                coHosts(r, ActivityRequest.CoHostKind.DONOR),
                Boolean.TRUE.equals(r.approvalRequired()),
                served(r),
                Activity.Status.PUBLISHED,
                current.revision() + 1,
                null,
                null,
                current.publishedBy(),
                current.publishedAt(),
                now,
                r.grantsQualification());
        for (Position gone : existing.values()) {
            if (!named.contains(gone.id())) {
                activities.positionForUpdate(id, gone.id());
                ActivityRepository.Counts c = activities.counts(gone.id());
                if (c.held() + c.waiting() > 0) {
                    throw Problems.conflict(
                            "positions",
                            Messages.text("activity.position-has-sign-ups", gone.id(), c.held() + c.waiting()));
                }
                activities.remove(gone.id(), now);
            }
        }
        activities.update(changed);
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < r.positions().size(); i++) {
            ActivityRequest.PositionRequest pr = r.positions().get(i);
            if (pr.id() == null) {
                Position p = position(r, i, UUID.randomUUID(), id);
                activities.insert(p);
                positions.add(p);
                continue;
            }
            activities.positionForUpdate(id, pr.id());
            ActivityRepository.Counts c = activities.counts(pr.id());
            Position p = position(r, i, pr.id(), id);
            if (p.places() < c.held()) {
                throw Problems.conflict(
                        "positions[" + i + "].places", Messages.text("activity.places-taken", c.held()));
            }
            activities.update(p);
            positions.add(p);
        }
        ActivityChanged event = ActivityEvents.changed(changed, positions, now);
        outbox.publish(Aggregate.VOLUNTEER, id.toString(), event);
        venues.asked(id, event.getDetails(), now);
        for (Position p : positions) {
            signUps.fillFromWaitingList(changed, p, now);
        }
        return view(changed);
    }

    /** The publisher cancels the activity before it ends: every live sign-up ends with it. Again: the same answer. */
    @Transactional
    public ActivityView cancel(UUID id, Cancel c) {
        Caller caller = Access.caller();
        Activity current = activities
                .findForUpdate(id)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", id)));
        Publishers.requireOrganizer(caller, current, "id", Text.of("activity.action-cancel"));
        if (current.status() == Activity.Status.CANCELLED) {
            return view(current);
        }
        Instant now = now();
        if (!now.isBefore(current.endsAt())) {
            throw Problems.conflict("id", Messages.text("activity.ended", id));
        }
        String note = PersonalDataScreen.screen("note", blankToNull(c.note()));
        int ended = activities.cancelLive(id, caller.subject(), now);
        Activity cancelled = new Activity(
                current.id(),
                current.publisherKind(),
                current.publisherId(),
                current.kind(),
                current.title(),
                current.description(),
                current.communityId(),
                current.startsAt(),
                current.endsAt(),
                current.venueOfferId(),
                current.coHostOrganizationIds(),
                current.coHostDonorIds(),
                current.approvalRequired(),
                current.residentsServed(),
                Activity.Status.CANCELLED,
                current.revision() + 1,
                c.reason(),
                note,
                current.publishedBy(),
                current.publishedAt(),
                now,
                current.grantsQualification());
        activities.update(cancelled);
        outbox.publish(Aggregate.VOLUNTEER, id.toString(), ActivityEvents.cancelled(cancelled, c.reason(), ended, now));
        return view(cancelled);
    }

    @Transactional(readOnly = true)
    public ActivityView read(UUID id) {
        return view(activities
                .find(id)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("activity.not-found", id))));
    }

    /** Activities not ended yet (or ending after {@code from}), soonest first. */
    @Transactional(readOnly = true)
    public List<ActivityView> list(
            UUID communityId, ActivityKind kind, Instant from, boolean includeCancelled, int limit, int offset) {
        return activities.list(communityId, kind, from == null ? now() : from, includeCancelled, limit, offset).stream()
                .map(this::view)
                .toList();
    }

    ActivityView view(Activity a) {
        return ActivityView.of(
                a,
                activities.positions(a.id()),
                activities.countsOf(a.id()),
                venues.of(a.id()).orElse(null));
    }

    // ---- input rules beyond Bean Validation: 400 naming the field

    private void validate(ActivityRequest r, Instant now, boolean change) {
        validate(r, now, change, false);
    }

    /**
     * The activity's rules, 400 naming the field. {@code held}: an activity recorded after it was held
     * ({@link HeldActivityService}) started in the past, which that service checks against its own window instead.
     */
    void validate(ActivityRequest r, Instant now, boolean change, boolean held) {
        List<RuleViolation> v = new ArrayList<>();
        if (!r.endsAt().isAfter(r.startsAt())) {
            v.add(new RuleViolation("endsAt", "activity.ends-before-start"));
        } else if (Duration.between(r.startsAt(), r.endsAt()).compareTo(MAX_LENGTH) > 0) {
            v.add(new RuleViolation("endsAt", "activity.too-long"));
        }
        if (held) {
            if (!r.endsAt().isBefore(now)) {
                v.add(new RuleViolation("endsAt", "activity.held-not-ended"));
            }
            if (r.startsAt().isBefore(now.minus(Duration.ofDays(rules.backfillDays())))) {
                v.add(new RuleViolation("startsAt", "activity.held-too-old", rules.backfillDays()));
            }
        } else if (!r.startsAt().isAfter(now)) {
            v.add(new RuleViolation("startsAt", "activity.starts-in-past"));
        }
        Set<BeneficiaryGroup> groups = new HashSet<>();
        List<ActivityRequest.ServedCount> served = r.residentsServed() == null ? List.of() : r.residentsServed();
        for (int i = 0; i < served.size(); i++) {
            if (!groups.add(served.get(i).group())) {
                v.add(new RuleViolation("residentsServed[" + i + "].group", "activity.group-twice"));
            }
        }
        for (int i = 0; i < r.positions().size(); i++) {
            ActivityRequest.PositionRequest p = r.positions().get(i);
            if (!change && p.id() != null) {
                v.add(new RuleViolation("positions[" + i + "].id", "activity.position-id-on-create"));
            }
            Instant start = p.startsAt() == null ? r.startsAt() : p.startsAt();
            Instant end = p.endsAt() == null ? r.endsAt() : p.endsAt();
            if (start.isBefore(r.startsAt()) || start.isAfter(r.endsAt())) {
                v.add(new RuleViolation("positions[" + i + "].startsAt", "activity.position-outside"));
            } else if (end.isAfter(r.endsAt())) {
                v.add(new RuleViolation("positions[" + i + "].endsAt", "activity.position-outside"));
            } else if (!end.isAfter(start)) {
                v.add(new RuleViolation("positions[" + i + "].endsAt", "activity.position-ends-before-start"));
            }
        }
        if (r.grantsQualification() != null && r.kind() != ActivityKind.TRAINING) {
            v.add(new RuleViolation("grantsQualification", "activity.only-training-grants"));
        }
        Problems.rejectIfAny(v);
        qualifications.requireCatalogued("grantsQualification", r.grantsQualification());
        for (int i = 0; i < r.positions().size(); i++) {
            qualifications.requireCatalogued(
                    "positions[" + i + "].qualification", r.positions().get(i).qualification());
        }
        for (int i = 0; i < r.positions().size(); i++) {
            PersonalDataScreen.screen(
                    "positions[" + i + "].duty", r.positions().get(i).duty());
        }
    }

    private static String screened(ActivityRequest r) {
        return PersonalDataScreen.screen("title", r.title());
    }

    private Position position(ActivityRequest r, int i, UUID id, UUID activityId) {
        ActivityRequest.PositionRequest p = r.positions().get(i);
        return new Position(
                id,
                activityId,
                i,
                PersonalDataScreen.screen("positions[" + i + "].duty", p.duty()),
                p.places(),
                p.waitingListLimit() == null ? rules.defaultWaitingListLimit() : p.waitingListLimit(),
                p.skills() == null ? List.of() : List.copyOf(new LinkedHashSet<>(p.skills())),
                p.qualification(),
                p.startsAt() == null ? r.startsAt() : p.startsAt(),
                p.endsAt() == null ? r.endsAt() : p.endsAt());
    }

    private static List<UUID> coHosts(ActivityRequest r, ActivityRequest.CoHostKind kind) {
        return r.coHosts() == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(r.coHosts().stream()
                        .filter(c -> c.kind() == kind)
                        .map(ActivityRequest.CoHost::id)
                        .toList()));
    }

    private static Map<BeneficiaryGroup, Integer> served(ActivityRequest r) {
        Map<BeneficiaryGroup, Integer> served = new EnumMap<>(BeneficiaryGroup.class);
        if (r.residentsServed() != null) {
            r.residentsServed().forEach(s -> served.put(s.group(), s.count()));
        }
        return served;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
