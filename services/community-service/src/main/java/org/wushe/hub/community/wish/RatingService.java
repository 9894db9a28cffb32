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
import org.wushe.hub.community.web.Accountability;
import org.wushe.hub.platform.actor.Actor;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.privacy.PersonalDataScreen;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * A resident rates a fulfilled need of theirs once (ServiceRated); a rating of {@value Rating#FOLLOW_UP_AT_MOST} stars or
 * fewer opens a follow-up visit (回访) for the need's station, which its staff record (FollowUpRecorded). Social workers do
 * not record follow-ups here: their tokens name the social worker ({@code social_worker_id}), not a station, so nothing
 * would say which station's follow-ups they may record.
 */
@Service
public class RatingService {

    private final WishRepository ratings;
    private final ResidentSelf self;
    private final NeedService needs;
    private final OutboxWriter outbox;
    private final Clock clock;

    public RatingService(WishRepository ratings, ResidentSelf self, NeedService needs, OutboxWriter outbox, Clock clock) {
        this.ratings = ratings;
        this.self = self;
        this.needs = needs;
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
            throw new InvalidInputException("needId", "no need " + needId + " of yours 没有这条需求", 404);
        }
        if (need.status() != NeedStatus.FULFILLED) {
            throw new InvalidInputException("needId", "only a fulfilled need is rated; this one is " + need.status() + " 需求完成后才能评价", 409);
        }
        if (ratings.rating(needId).isPresent()) {
            throw new InvalidInputException("needId", "rated already: a need is rated once 该需求已评价", 409);
        }
        String comment = PersonalDataScreen.screen("comment", r.comment() == null || r.comment().isBlank() ? null : r.comment());
        Instant now = now();
        Rating rating = new Rating(needId, me.residentId(), need.details().communityId(), need.details().stationId(), r.stars(), comment, now);
        if (!ratings.insert(rating)) {
            throw new InvalidInputException("needId", "rated already: a need is rated once 该需求已评价", 409);
        }
        List<OutboxWriter.Event> events = new ArrayList<>();
        events.add(new OutboxWriter.Event(Aggregate.NEED, needId.toString(), WishEvents.rated(rating, now)));
        if (rating.asksForFollowUp()) {
            ratings.insert(new FollowUp(UUID.randomUUID(), needId, rating.communityId(), rating.stationId(), FollowUp.Status.OPEN, now, rating.stars(),
                    comment, null, null, null, null));
        }
        // As nobody: the resident's account id would link a for-ever topic to a person (the rating here keeps whose it is).
        Actor.run(null, () -> outbox.publishAll(events));
        return rating;
    }

    public List<Rating.Mine> mine() {
        return ratings.ratingsOf(self.me().residentId());
    }

    /** The station's follow-ups, for its own staff only (not the hub admin: a rating's comment is the resident's). */
    public List<FollowUp> ofStation(UUID stationId, FollowUp.Status status) {
        Access.requireTenantOnly("stationId", stationId, Roles.STATION_STAFF);
        return ratings.followUpsOf(stationId, status);
    }

    public FollowUp get(UUID id) {
        FollowUp f = find(id);
        Access.requireTenantOnly("id", f.stationId(), Roles.STATION_STAFF);
        return f;
    }

    /** The station's staff record how the follow-up went: once (409 after), the outcome screened for phone and ID numbers. */
    @Transactional
    public FollowUp record(UUID id, String outcome) {
        FollowUp f = find(id);
        Access.requireTenantOnly("id", f.stationId(), Roles.STATION_STAFF);
        if (outcome == null || outcome.isBlank()) {
            throw new InvalidInputException("outcome", "required: how the follow-up went 请填写回访情况");
        }
        String text = PersonalDataScreen.screen("outcome", outcome);
        FollowUp locked = ratings.lockFollowUp(id).orElseThrow();
        if (locked.status() != FollowUp.Status.OPEN) {
            throw new InvalidInputException("id", "the follow-up was recorded already 该回访已记录", 409);
        }
        Instant now = now();
        FollowUp recorded = locked.recorded(text, Accountability.actor(), Roles.STATION_STAFF, now);
        ratings.record(recorded);
        outbox.publish(Aggregate.NEED, recorded.needId().toString(), WishEvents.followUpRecorded(recorded, now));
        return recorded;
    }

    private FollowUp find(UUID id) {
        return ratings.followUp(id).orElseThrow(() -> new InvalidInputException("id", "no follow-up " + id + " 回访任务不存在", 404));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
