package org.wushe.hub.community.wish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.community.need.Need;
import org.wushe.hub.community.need.NeedDraft;
import org.wushe.hub.community.need.NeedService;
import org.wushe.hub.community.station.Station;
import org.wushe.hub.community.station.StationService;
import org.wushe.hub.community.web.Accountability;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedSource;
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
 * Micro-wishes (微心愿) and requests for help from residents' phones: sent by the resident themself (WishSubmitted), read
 * by the staff of their community and of the stations serving it, accepted by the community's staff as a need with source
 * MICRO_WISH through {@link NeedService} (its rules, its title screen and its NeedPublished), only with the resident's consent
 * to share it with helpers, or declined with a reason the resident reads.
 */
@Service
public class WishService {

    /** How long an accepted wish's need stays open when the staff give no end. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(14);

    private final WishRepository wishes;
    private final ResidentSelf self;
    private final NeedService needs;
    private final StationService stations;
    private final OutboxWriter outbox;
    private final Clock clock;

    public WishService(
            WishRepository wishes,
            ResidentSelf self,
            NeedService needs,
            StationService stations,
            OutboxWriter outbox,
            Clock clock) {
        this.wishes = wishes;
        this.self = self;
        this.needs = needs;
        this.stations = stations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Wish submit(WishController.NewWish r) {
        ResidentSelf.Me me = self.me();
        if (r.category() == Category.UNKNOWN) {
            throw new InvalidInputException("category", Messages.text("wish.category-required"));
        }
        String title = PersonalDataScreen.screen("title", r.title());
        String description = PersonalDataScreen.screen(
                "description", r.description() == null || r.description().isBlank() ? null : r.description());
        List<Station> serving = stations.serving(me.communityId());
        Instant now = now();
        Wish w = new Wish(
                UUID.randomUUID(),
                me.residentId(),
                me.communityId(),
                serving.size() == 1 ? serving.get(0).id() : null,
                r.category(),
                title,
                description,
                r.consentToShare(),
                Wish.Status.PENDING,
                null,
                null,
                null,
                null,
                now);
        wishes.insert(w);
        // As nobody: the resident's account id would link a for-ever topic to a person (the row here keeps who sent
        // it).
        Actor.run(null, () -> outbox.publish(Aggregate.NEED, w.id().toString(), WishEvents.submitted(w, now)));
        return w;
    }

    public List<Wish.Mine> mine() {
        return wishes.ofResident(self.me().residentId()).stream()
                .map(Wish.Mine::of)
                .toList();
    }

    /** The resident's own needs (a wish accepted, a need staff published for them), the newest first. */
    public List<Need> myNeeds() {
        return needs.ofResident(self.me().residentId(), 200);
    }

    /** The community's wishes, for its staff and the staff of the stations serving it (not the hub admin: they name residents). */
    public List<Wish> ofCommunity(UUID communityId, Wish.Status status) {
        requireDesk("communityId", communityId);
        return wishes.ofCommunity(communityId, status);
    }

    public Wish get(UUID id) {
        Wish w = find(id);
        requireDesk("id", w.communityId());
        return w;
    }

    /**
     * The community's staff accept a wish: a need (source MICRO_WISH, the resident's, one person) published through
     * {@link NeedService#publish}, with the wish's title unless they give a better one. Only with the resident's consent to
     * share it with helpers (409 naming {@code consentToShare} otherwise).
     */
    @Transactional
    public Wish accept(UUID id, WishController.Accept r) {
        Wish w = decidable(id);
        if (!w.consentToShare()) {
            throw new InvalidInputException("consentToShare", Messages.text("wish.no-consent"), 409);
        }
        Instant now = now();
        Instant start = r.start() != null ? r.start() : now;
        NeedDraft draft = new NeedDraft(
                w.communityId(),
                r.stationId() != null ? r.stationId() : w.stationId(),
                null,
                w.residentId(),
                NeedSource.MICRO_WISH,
                r.category() != null ? r.category() : w.category(),
                r.urgency(),
                r.beneficiaryGroup(),
                1,
                r.title() != null && !r.title().isBlank() ? r.title() : w.title(),
                null,
                start,
                r.end() != null ? r.end() : start.plus(DEFAULT_WINDOW),
                r.quantity() == null ? null : r.quantity().amount(),
                r.quantity() == null ? null : r.quantity().unit(),
                r.requiredSkills(),
                null,
                r.estimatedMinutes());
        Need need = needs.publish(draft);
        Wish accepted = w.accepted(need.id(), Accountability.actor(), now);
        wishes.decide(accepted);
        return accepted;
    }

    @Transactional
    public Wish decline(UUID id, String reason) {
        Wish w = decidable(id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", Messages.text("wish.decline-reason-required"));
        }
        Wish declined = w.declined(PersonalDataScreen.screen("reason", reason), Accountability.actor(), now());
        wishes.decide(declined);
        return declined;
    }

    private Wish decidable(UUID id) {
        Wish w = find(id);
        Access.requireTenantOnly("id", w.communityId(), Roles.COMMUNITY_STAFF);
        Wish locked = wishes.lock(id).orElseThrow();
        if (locked.status() != Wish.Status.PENDING) {
            throw new InvalidInputException("id", Messages.text("wish.decided-already", locked.status()), 409);
        }
        return locked;
    }

    private Wish find(UUID id) {
        return wishes.find(id)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("wish.not-found", id), 404));
    }

    private Caller requireDesk(String field, UUID communityId) {
        Caller caller = Access.caller();
        List<Station> serving = stations.serving(communityId);
        if (caller.holds(Roles.COMMUNITY_STAFF, communityId)
                || serving.stream().anyMatch(s -> caller.holds(Roles.STATION_STAFF, s.id()))) {
            return caller;
        }
        String needed = Roles.COMMUNITY_STAFF + " of " + communityId
                + serving.stream()
                        .map(s -> " or " + Roles.STATION_STAFF + " of " + s.id())
                        .reduce("", String::concat);
        throw new ForbiddenException(
                field, Messages.text("wish.desk-refused", caller.describeText(), communityId, needed), needed);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
