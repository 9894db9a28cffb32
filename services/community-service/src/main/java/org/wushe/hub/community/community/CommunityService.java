package org.wushe.hub.community.community;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.community.CommunityKind;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.place.Geohashes;
import org.wushe.hub.platform.web.InvalidInputException;

@Service
public class CommunityService {

    private final CommunityRepository communities;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CommunityService(CommunityRepository communities, OutboxWriter outbox, Clock clock) {
        this.communities = communities;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A community joins the hub: stored and announced as CommunityRegistered, in one transaction. */
    @Transactional
    public Community register(CommunityController.RegisterCommunity r) {
        if (r.kind() == CommunityKind.UNKNOWN) {
            throw new InvalidInputException("kind", Messages.text("community.kind-unknown"));
        }
        if (r.streetCode() != null && !r.streetCode().startsWith(r.districtCode())) {
            throw new InvalidInputException(
                    "streetCode", Messages.text("community.street-outside-district", r.districtCode()));
        }
        if (!Geohashes.isValid(r.geohash())) {
            throw new InvalidInputException("geohash", Messages.text("place.not-a-geohash"));
        }
        String name = r.name().strip();
        if (communities.nameTaken(r.districtCode(), name)) {
            throw new InvalidInputException("name", Messages.text("community.name-taken", r.districtCode()), 409);
        }
        Community c = new Community(
                UUID.randomUUID(),
                name,
                r.kind(),
                r.districtCode(),
                r.streetCode(),
                Geohashes.coarse(r.geohash()),
                r.gridCount(),
                r.householdCount(),
                r.residentCount(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        communities.insert(c);
        outbox.publish(Aggregate.COMMUNITY, c.id().toString(), CommunityEvents.registered(c));
        return c;
    }

    // For the other features, which do not read this one's tables.

    public Optional<Community> find(UUID id) {
        return communities.find(id);
    }

    public List<Community> findAll(Collection<UUID> ids) {
        return communities.findAll(ids);
    }

    public List<Community> findByName(String name) {
        return communities.findByName(name);
    }

    public Community get(UUID id) {
        return communities
                .find(id)
                .orElseThrow(
                        () -> new InvalidInputException("communityId", Messages.text("community.not-found", id), 404));
    }
}
