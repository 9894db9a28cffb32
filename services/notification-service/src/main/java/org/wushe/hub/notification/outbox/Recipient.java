package org.wushe.hub.notification.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.Roles;

/**
 * Who a notification is for: a volunteer ({@code volunteer}), or a station ({@code station}), that is its staff.
 *
 * @param kind {@value #VOLUNTEER} or {@value #STATION}
 * @param id   the volunteer's or the station's id
 */
public record Recipient(String kind, UUID id) {

    public static final String VOLUNTEER = "volunteer";
    public static final String STATION = "station";

    public Recipient {
        if (!VOLUNTEER.equals(kind) && !STATION.equals(kind)) {
            throw new IllegalArgumentException("a recipient is a volunteer or a station, not " + kind);
        }
        if (id == null) {
            throw new IllegalArgumentException("a recipient has an id");
        }
    }

    public static Recipient volunteer(UUID id) {
        return new Recipient(VOLUNTEER, id);
    }

    public static Recipient station(UUID id) {
        return new Recipient(STATION, id);
    }

    /**
     * The recipients the caller answers for, from the tenancies its token holds: itself as a volunteer
     * ({@value Roles#VOLUNTEER} with its {@value Roles#VOLUNTEER_ID}) and its station as its staff
     * ({@value Roles#STATION_STAFF} with its {@value Roles#STATION_ID}). The role alone gives none.
     */
    public static List<Recipient> of(Caller caller) {
        List<Recipient> out = new ArrayList<>();
        uuid(caller.tenantOf(Roles.VOLUNTEER)).map(Recipient::volunteer).ifPresent(out::add);
        uuid(caller.tenantOf(Roles.STATION_STAFF)).map(Recipient::station).ifPresent(out::add);
        return List.copyOf(out);
    }

    private static Optional<UUID> uuid(Optional<String> claim) {
        try {
            return claim.map(UUID::fromString);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /**
     * The key of the recipient's transaction-scoped advisory lock, taken by whatever writes for them (a notification,
     * their settings) and by their leaving ({@link Departures}), so that those never interleave.
     */
    public String lockKey() {
        return "notification-recipient:" + this;
    }

    /** {@code volunteer/<id>}: the place an address of this recipient is bound to, and how logs name it. */
    @Override
    public String toString() {
        return kind + "/" + id;
    }
}
