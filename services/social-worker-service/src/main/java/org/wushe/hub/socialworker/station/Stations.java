package org.wushe.hub.socialworker.station;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.wushe.hub.events.community.StationLevel;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/** Stations known to this service, and a centre with the stations below it. */
@Service
public class Stations {

    /** District centre → street/town centre → community stations. */
    private static final int LEVELS = 3;

    private final StationRepository stations;

    public Stations(StationRepository stations) {
        this.stations = stations;
    }

    /** A station named in a request body: unknown is a 400 naming {@code field}. */
    public Station require(String field, UUID id) {
        return stations.find(id)
                .orElseThrow(() -> new InvalidInputException(field, Messages.text("station.unknown", id)));
    }

    /** A station, if known here. */
    public java.util.Optional<Station> find(UUID id) {
        return stations.find(id);
    }

    /** A station named in the path: unknown is a 404. */
    public Station get(UUID id) {
        return stations.find(id)
                .orElseThrow(() -> new InvalidInputException("stationId", Messages.text("station.not-found", id), 404));
    }

    /** A district or street/town centre named in the path: unknown, or a community station, is a 404 naming {@code centreId}. */
    public Station centre(UUID id) {
        return stations.find(id)
                .filter(Stations::isCentre)
                .orElseThrow(() -> new InvalidInputException("centreId", Messages.text("centre.not-found", id), 404));
    }

    /** Every centre known here, by name, with the number of stations each leads directly. */
    public List<Centre> centres() {
        Map<UUID, Integer> counts = stations.childCounts();
        return stations.centres().stream()
                .map(c -> new Centre(c.id(), c.name(), c.level(), c.parentStationId(), counts.getOrDefault(c.id(), 0)))
                .toList();
    }

    /** A centre as the centre picker lists it. */
    public record Centre(UUID id, String name, StationLevel level, UUID parentStationId, int stations) {}

    /** The stations one level below. */
    public List<Station> children(Station parent) {
        return stations.children(parent.id());
    }

    static boolean isCentre(Station s) {
        return s.level() == StationLevel.STREET_CENTRE || s.level() == StationLevel.DISTRICT_CENTRE;
    }

    /**
     * The centres a station belongs to: the station itself if it is a centre, then each centre above it
     * (its street/town centre, then the district centre), nearest first.
     */
    public List<UUID> centresOf(Station station) {
        List<UUID> centres = new ArrayList<>();
        Station s = station;
        for (int depth = 0; s != null && depth < LEVELS; depth++) {
            if (isCentre(s) && !centres.contains(s.id())) {
                centres.add(s.id());
            }
            s = s.parentStationId() == null
                    ? null
                    : stations.find(s.parentStationId()).orElse(null);
        }
        return centres;
    }

    /** The station and every station below it (a street centre and its community stations). */
    public List<Station> withStationsBelow(Station top) {
        List<Station> all = new ArrayList<>(List.of(top));
        List<Station> level = List.of(top);
        for (int depth = 1; depth < LEVELS && !level.isEmpty(); depth++) {
            List<Station> next = new ArrayList<>();
            for (Station s : level) {
                next.addAll(stations.children(s.id()).stream()
                        .filter(c -> all.stream().noneMatch(a -> a.id().equals(c.id())))
                        .toList());
            }
            all.addAll(next);
            level = next;
        }
        return all;
    }

    /**
     * The community a piece of work at the station is for: the one asked for, which the station must
     * serve, or, when none is asked for, the station's only community.
     */
    public static UUID servedCommunity(Station station, UUID requested) {
        List<UUID> served = station.communities();
        if (requested == null) {
            if (served.size() != 1) {
                throw new InvalidInputException(
                        "communityId", Messages.text("station.community-required", station.id(), served.size()));
            }
            return served.get(0);
        }
        if (!served.contains(requested)) {
            throw new InvalidInputException(
                    "communityId", Messages.text("station.community-not-served", station.id(), requested));
        }
        return requested;
    }

    public List<Station> list(int offset, int limit) {
        return stations.list(offset, limit);
    }

    public void remember(Station s) {
        stations.upsert(s);
    }

    public static List<UUID> ids(List<Station> stations) {
        return stations.stream().map(Station::id).toList();
    }
}
