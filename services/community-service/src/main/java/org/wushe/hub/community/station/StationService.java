package org.wushe.hub.community.station;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.community.community.Community;
import org.wushe.hub.community.community.CommunityService;
import org.wushe.hub.events.community.StationLevel;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.place.Geohashes;
import org.wushe.hub.platform.web.InvalidInputException;

@Service
public class StationService {

    private final StationRepository stations;
    private final CommunityService communities;
    private final OutboxWriter outbox;
    private final Clock clock;

    public StationService(StationRepository stations, CommunityService communities, OutboxWriter outbox, Clock clock) {
        this.stations = stations;
        this.communities = communities;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A station or centre joins the hierarchy: a community station sits in its community (and serves
     * it) under a street/town centre; a street centre under a district centre; a district centre at the top.
     */
    @Transactional
    public Station register(StationController.RegisterStation r) {
        StationLevel level = r.level();
        if (level == StationLevel.UNKNOWN) {
            throw new InvalidInputException("level", Messages.text("station.level-unknown"));
        }
        Station parent = null;
        if (r.parentStationId() != null) {
            parent = stations.find(r.parentStationId())
                    .orElseThrow(() -> new InvalidInputException(
                            "parentStationId", Messages.text("station.not-found", r.parentStationId())));
            StationLevel expected =
                    level == StationLevel.COMMUNITY_STATION ? StationLevel.STREET_CENTRE : StationLevel.DISTRICT_CENTRE;
            if (level == StationLevel.DISTRICT_CENTRE || parent.level() != expected) {
                throw new InvalidInputException(
                        "parentStationId",
                        level == StationLevel.DISTRICT_CENTRE
                                ? Messages.text("station.district-has-no-parent")
                                : Messages.text("station.parent-level", level, expected, parent.level()));
            }
        }
        Community host = null;
        if (level == StationLevel.COMMUNITY_STATION) {
            if (r.communityId() == null) {
                throw new InvalidInputException("communityId", Messages.text("station.host-required"));
            }
            host = communities
                    .find(r.communityId())
                    .orElseThrow(() -> new InvalidInputException(
                            "communityId", Messages.text("community.not-found", r.communityId())));
        } else if (r.communityId() != null) {
            throw new InvalidInputException("communityId", Messages.text("station.centre-not-hosted"));
        }
        Set<UUID> served = new LinkedHashSet<>();
        if (host != null) {
            served.add(host.id());
        }
        List<UUID> requested = r.servedCommunityIds() == null ? List.of() : r.servedCommunityIds();
        List<Community> found = communities.findAll(requested);
        for (int i = 0; i < requested.size(); i++) {
            UUID id = requested.get(i);
            if (id == null || found.stream().noneMatch(c -> c.id().equals(id))) {
                throw new InvalidInputException(
                        "servedCommunityIds[" + i + "]", Messages.text("community.not-found", id));
            }
            served.add(id);
        }
        String districtCode = r.districtCode() != null
                ? r.districtCode()
                : host != null ? host.districtCode() : parent != null ? parent.districtCode() : null;
        if (districtCode == null) {
            throw new InvalidInputException("districtCode", Messages.text("station.district-required"));
        }
        String streetCode = r.streetCode() != null ? r.streetCode() : host != null ? host.streetCode() : null;
        if (streetCode != null && !streetCode.startsWith(districtCode)) {
            throw new InvalidInputException(
                    "streetCode", Messages.text("community.street-outside-district", districtCode));
        }
        if (!Geohashes.isValid(r.geohash())) {
            throw new InvalidInputException("geohash", Messages.text("place.not-a-geohash"));
        }
        String name = r.name().strip();
        if (stations.nameTaken(districtCode, name)) {
            throw new InvalidInputException("name", Messages.text("station.name-taken", districtCode), 409);
        }
        String geohash = Geohashes.coarse(r.geohash() != null ? r.geohash() : host != null ? host.geohash() : null);
        Station s = new Station(
                UUID.randomUUID(),
                name,
                level,
                parent == null ? null : parent.id(),
                host == null ? null : host.id(),
                List.copyOf(served),
                districtCode,
                streetCode,
                geohash,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        stations.insert(s);
        outbox.publish(Aggregate.STATION, s.id().toString(), StationEvents.registered(s));
        return s;
    }

    // For the other features, which do not read this one's tables.

    public Optional<Station> find(UUID id) {
        return stations.find(id);
    }

    /** The stations that serve the community. */
    public List<Station> serving(UUID communityId) {
        return stations.serving(communityId);
    }

    /** The communities a centre manager oversees: served by the centre or a station one or two levels below it. */
    public List<UUID> communitiesOfCentre(UUID centre) {
        return stations.communitiesOfCentre(centre);
    }

    public Station get(UUID id) {
        return stations.find(id)
                .orElseThrow(() -> new InvalidInputException("stationId", Messages.text("station.not-found", id), 404));
    }

    /** A centre with everything below it (e.g. 一中心七平台: one town centre and its seven stations). */
    public record StationTree(Station station, List<StationTree> children) {}

    public StationTree tree(UUID id) {
        return tree(get(id), 0);
    }

    private StationTree tree(Station s, int depth) {
        if (depth > 3) {
            return new StationTree(s, List.of()); // three levels; guards against a cycle
        }
        return new StationTree(
                s,
                stations.children(s.id()).stream().map(c -> tree(c, depth + 1)).toList());
    }
}
