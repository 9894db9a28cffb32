package org.wushe.hub.community.wish;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.community.need.Need;
import org.wushe.hub.community.need.NeedService;
import org.wushe.hub.community.need.NeedStatus;
import org.wushe.hub.community.socialworker.WorkerStations;
import org.wushe.hub.community.web.Accountability;
import org.wushe.hub.platform.actor.Actor;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.privacy.PersonalDataScreen;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * A resident rates a fulfilled need of theirs once (ServiceRated); a rating of {@value Rating#FOLLOW_UP_AT_MOST} stars or
 * fewer opens a follow-up visit (回访) for the need's station, which its staff or one of its social workers record
 * (FollowUpRecorded). A social worker's token names the worker ({@code social_worker_id}), not a station: the station they
 * are assigned to now is the one social-worker-service last announced ({@link WorkerStations}, from SocialWorkerRegistered
 * and SocialWorkerAssigned), and its follow-ups are theirs to list, read and record exactly as its staff do. A worker on
 * another station or on none is refused like anyone else; the hub admin too (a rating's comment is the resident's).
 */
@Service
public class RatingService {

    /** Who may read their own list: a social worker the hub knows at a station now. */
    private static final String ASSIGNED = Roles.SOCIAL_WORKER + " assigned to a station";

    private final WishRepository ratings;
    private final ResidentSelf self;
    private final NeedService needs;
    private final WorkerStations workers;
    private final OutboxWriter outbox;
    private final Clock clock;

    public RatingService(
            WishRepository ratings,
            ResidentSelf self,
            NeedService needs,
            WorkerStations workers,
            OutboxWriter outbox,
            Clock clock) {
        this.ratings = ratings;
        this.self = self;
        this.needs = needs;
        this.workers = workers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The rating and, when it asks for one, the follow-up opened; both in the transaction of the need's row lock. */
    @Transactional
    public Rating rate(UUID needId, WishController.Rate r) {
        ResidentSelf.Me me = self.me();
        Need need = needs.lockForUpdate("needId", needId);
        if (!me.residentId().equals(need.details().residentId())) {
            // The same answer as for a need that does not exist: a resident learns nothing of others' needs.
            throw new InvalidInputException("needId", Messages.text("rating.need-not-found", needId), 404);
        }
        if (need.status() != NeedStatus.FULFILLED) {
            throw new InvalidInputException("needId", Messages.text("rating.need-not-fulfilled", need.status()), 409);
        }
        if (ratings.rating(needId).isPresent()) {
            throw new InvalidInputException("needId", Messages.text("rating.rated-already"), 409);
        }
        String comment = PersonalDataScreen.screen(
                "comment", r.comment() == null || r.comment().isBlank() ? null : r.comment());
        Instant now = now();
        Rating rating = new Rating(
                needId,
                me.residentId(),
                need.details().communityId(),
                need.details().stationId(),
                r.stars(),
                comment,
                now);
        if (!ratings.insert(rating)) {
            throw new InvalidInputException("needId", Messages.text("rating.rated-already"), 409);
        }
        List<OutboxWriter.Event> events = new ArrayList<>();
        events.add(new OutboxWriter.Event(Aggregate.NEED, needId.toString(), WishEvents.rated(rating, now)));
        if (rating.asksForFollowUp()) {
            ratings.insert(new FollowUp(
                    UUID.randomUUID(),
                    needId,
                    rating.communityId(),
                    rating.stationId(),
                    FollowUp.Status.OPEN,
                    now,
                    rating.stars(),
                    comment,
                    null,
                    null,
                    null,
                    null));
        }
        // As nobody: the resident's account id would link a for-ever topic to a person (the rating here keeps whose it
        // is).
        Actor.run(null, () -> outbox.publishAll(events));
        return rating;
    }

    public List<Rating.Mine> mine() {
        return ratings.ratingsOf(self.me().residentId());
    }

    /**
     * The station's follow-ups, for its own staff and the social workers assigned to it now only (not the hub admin: a
     * rating's comment is the resident's).
     */
    public List<FollowUp> ofStation(UUID stationId, FollowUp.Status status) {
        requireStation("stationId", stationId);
        return ratings.followUpsOf(stationId, status);
    }

    /**
     * A social worker's own list (their phone page): the follow-ups of the station they are assigned to now, the open ones
     * first (the longest waiting first), then the recorded ones (the latest first). Another role: 403 naming
     * {@code Authorization}; a social worker on no station (or not known here yet): 403 naming {@code social_worker_id}.
     */
    public List<FollowUp> ofMyStation(FollowUp.Status status) {
        Caller caller = Access.caller();
        if (caller.tenantOf(Roles.SOCIAL_WORKER).isEmpty()) {
            throw new ForbiddenException(
                    "Authorization",
                    Messages.text(
                            "follow-up.no-social-worker",
                            caller.describeText(),
                            Roles.SOCIAL_WORKER,
                            Roles.SOCIAL_WORKER_ID),
                    Roles.SOCIAL_WORKER);
        }
        UUID station = workers.stationOf(caller)
                .orElseThrow(() -> new ForbiddenException(
                        Roles.SOCIAL_WORKER_ID,
                        Messages.text("follow-up.worker-unassigned", caller.describeText(), ASSIGNED),
                        ASSIGNED));
        return ratings.openFirstOf(station, status);
    }

    public FollowUp get(UUID id) {
        FollowUp f = find(id);
        requireStation("id", f.stationId());
        return f;
    }

    /**
     * The station's staff, or a social worker assigned to it now, record how the follow-up went: once (409 after), the outcome
     * screened for phone and ID numbers; the follow-up keeps who recorded it and in which role.
     */
    @Transactional
    public FollowUp record(UUID id, String outcome) {
        FollowUp f = find(id);
        String role = requireStation("id", f.stationId());
        if (outcome == null || outcome.isBlank()) {
            throw new InvalidInputException("outcome", Messages.text("follow-up.outcome-required"));
        }
        String text = PersonalDataScreen.screen("outcome", outcome);
        FollowUp locked = ratings.lockFollowUp(id).orElseThrow();
        if (locked.status() != FollowUp.Status.OPEN) {
            throw new InvalidInputException("id", Messages.text("follow-up.recorded-already"), 409);
        }
        Instant now = now();
        FollowUp recorded = locked.recorded(text, Accountability.actor(), role, now);
        ratings.record(recorded);
        outbox.publish(Aggregate.NEED, recorded.needId().toString(), WishEvents.followUpRecorded(recorded, now));
        return recorded;
    }

    /**
     * Passes for the station's own staff ({@value Roles#STATION_STAFF}) and for a social worker assigned to it now; answers the
     * role the caller acts in (the station's staff first, for someone who is both). Otherwise a 403 naming {@code field}.
     */
    private String requireStation(String field, UUID stationId) {
        Caller caller = Access.caller();
        if (caller.holds(Roles.STATION_STAFF, stationId)) {
            return Roles.STATION_STAFF;
        }
        if (stationId != null
                && workers.stationOf(caller).filter(stationId::equals).isPresent()) {
            return Roles.SOCIAL_WORKER;
        }
        String needed =
                Roles.STATION_STAFF + " of " + stationId + " or " + Roles.SOCIAL_WORKER + " assigned to " + stationId;
        throw new ForbiddenException(
                field,
                Messages.text("follow-up.station-refused", caller.describeText(), field, stationId, needed),
                needed);
    }

    private FollowUp find(UUID id) {
        return ratings.followUp(id)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("follow-up.not-found", id), 404));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
