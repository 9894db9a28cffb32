package org.wushe.hub.community.wish;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.wushe.hub.community.resident.ResidentService;
import org.wushe.hub.community.web.Tenants;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;

/**
 * The resident signed in themself ({@value Roles#RESIDENT}): their record is the token's {@value Roles#RESIDENT_ID},
 * which the staff of their community linked (auth-service). Every call checks that the record exists, belongs to the
 * token's {@value Roles#COMMUNITY_ID} and was not erased; otherwise a 403 naming {@code resident_id}, and nothing is read.
 * No id of the resident ever comes from a path or a body: a resident can name no one else.
 */
@Component
public class ResidentSelf {

    private static final String ZH = " 仅限居民本人使用";

    /** The resident, as this service knows them. */
    public record Me(UUID residentId, UUID residentRef, UUID communityId) {}

    private final ResidentService residents;

    ResidentSelf(ResidentService residents) {
        this.residents = residents;
    }

    public Me me() {
        Caller caller = Access.caller();
        if (!caller.has(Roles.RESIDENT)) {
            throw new ForbiddenException(
                    "Authorization",
                    caller.describe() + " is not a resident signed in themself; "
                            + "a resident's own pages need the account the community's staff linked to their record"
                            + ZH,
                    Roles.RESIDENT);
        }
        UUID residentId = Tenants.of(caller, Roles.RESIDENT)
                .orElseThrow(() -> refused(caller, "the token names no resident record"));
        UUID communityId = uuid(caller.tenancy().get(Roles.COMMUNITY_ID))
                .orElseThrow(() -> refused(caller, "the token names no community"));
        ResidentService.Pseudonym p = residents
                .pseudonym(residentId)
                .filter(r -> r.communityId().equals(communityId))
                .orElseThrow(() -> refused(caller, "the token's resident is not a resident of its community"));
        if (residents.isErased(residentId)) {
            throw refused(caller, "the resident's personal data was erased");
        }
        return new Me(p.residentId(), p.residentRef(), p.communityId());
    }

    private static ForbiddenException refused(Caller caller, String why) {
        return new ForbiddenException(
                Roles.RESIDENT_ID,
                caller.subject() + ": " + why + "; the community's staff link a resident's account " + "to their record"
                        + ZH,
                Roles.RESIDENT + " with the resident_id and community_id of a record of that community");
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
