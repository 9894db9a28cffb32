package org.wushe.hub.resource.stock;

import java.util.Optional;
import java.util.UUID;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;

/**
 * Stock belongs to the station that holds the match: reserving, releasing and handing over by hand are
 * for {@value Roles#STATION_STAFF} of the match's station, or of the centre the match was escalated to
 * (whose staff decide it then, as in the matching service); the hub admin passes. The path rule in
 * {@code ResourceAccessRules} has already asked for the role; this checks the station, from the stored
 * reservation or the match's known station. Each refusal is a 403 problem naming the field and who may.
 */
final class StockAccess {

    private StockAccess() {}

    /** Staff act on a reservation: its station's staff, or the escalated centre's; a reservation with no station recorded, the hub admin only. */
    static Caller requireReservation(Reservation r, Optional<MatchStations.Known> match) {
        Caller caller = Access.caller();
        if (caller.isAdmin()) {
            return caller;
        }
        if (r.stationId() == null) {
            throw new ForbiddenException(
                    "reservationId",
                    Messages.text("reservation.no-station", caller.describeText(), r.id()),
                    Roles.HUB_ADMIN);
        }
        UUID centre = match.filter(m -> m.stationId().equals(r.stationId()))
                .map(MatchStations.Known::escalatedTo)
                .orElse(null);
        if (mayActFor(caller, r.stationId(), centre)) {
            return caller;
        }
        throw new ForbiddenException(
                "reservationId",
                Messages.text(
                        "reservation.other-station",
                        caller.describeText(),
                        r.id(),
                        r.stationId(),
                        required(r.stationId(), centre)),
                required(r.stationId(), centre));
    }

    /** Staff reserve by hand for a match: only for one whose station is known here and is theirs (or their centre's). */
    static Caller requireMatch(UUID matchId, Optional<MatchStations.Known> known) {
        Caller caller = Access.caller();
        if (caller.isAdmin()) {
            return caller;
        }
        if (known.isEmpty()) {
            throw new ForbiddenException(
                    "matchId",
                    Messages.text("reservation.match-unknown", caller.describeText(), matchId),
                    "station_staff of the match's station");
        }
        MatchStations.Known m = known.get();
        if (mayActFor(caller, m.stationId(), m.escalatedTo())) {
            return caller;
        }
        throw new ForbiddenException(
                "matchId",
                Messages.text(
                        "reservation.match-other-station",
                        caller.describeText(),
                        matchId,
                        m.stationId(),
                        required(m.stationId(), m.escalatedTo())),
                required(m.stationId(), m.escalatedTo()));
    }

    /** The station a reservation by hand without a match is for: the caller's own (null for the hub admin, who has none). */
    static UUID ownStation(Caller caller) {
        Optional<UUID> station = caller.tenantOf(Roles.STATION_STAFF).flatMap(StockAccess::uuid);
        if (station.isPresent() || caller.isAdmin()) {
            return station.orElse(null);
        }
        throw new ForbiddenException(
                "Authorization",
                Messages.text("reservation.caller-no-station", caller.describeText()),
                "station_staff of a station");
    }

    private static boolean mayActFor(Caller caller, UUID station, UUID centre) {
        return caller.holds(Roles.STATION_STAFF, station)
                || centre != null && caller.holds(Roles.STATION_STAFF, centre);
    }

    private static String required(UUID station, UUID centre) {
        return Roles.STATION_STAFF + " of " + station
                + (centre == null ? "" : " or " + Roles.STATION_STAFF + " of " + centre);
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
