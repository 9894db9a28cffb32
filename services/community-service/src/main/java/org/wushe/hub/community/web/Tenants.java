package org.wushe.hub.community.web;

import java.util.Optional;
import java.util.UUID;
import org.wushe.hub.platform.security.Caller;

/** The tenant ids a caller's token names, as this service's ids. */
public final class Tenants {

    private Tenants() {}

    /** The id the caller holds {@code role} for (e.g. its community as community staff), when the token names one that is an id. */
    public static Optional<UUID> of(Caller caller, String role) {
        return caller.tenantOf(role).flatMap(id -> {
            try {
                return Optional.of(UUID.fromString(id));
            } catch (IllegalArgumentException notAnId) {
                return Optional.empty();
            }
        });
    }
}
