package org.wushe.hub.community.wish;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.wushe.hub.community.resident.ResidentService;
import org.wushe.hub.community.web.Tenants;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.i18n.Text;
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
                    Messages.text("resident-self.not-a-resident", caller.describeText()),
                    Roles.RESIDENT);
        }
        UUID residentId = Tenants.of(caller, Roles.RESIDENT)
                .orElseThrow(() -> refused(caller, Text.of("resident-self.no-record")));
        UUID communityId = uuid(caller.tenancy().get(Roles.COMMUNITY_ID))
                .orElseThrow(() -> refused(caller, Text.of("resident-self.no-community")));
        ResidentService.Pseudonym p = residents
                .pseudonym(residentId)
                .filter(r -> r.communityId().equals(communityId))
                .orElseThrow(() -> refused(caller, Text.of("resident-self.other-community")));
        if (residents.isErased(residentId)) {
            throw refused(caller, Text.of("resident-self.erased"));
        }
        return new Me(p.residentId(), p.residentRef(), p.communityId());
    }

    private static ForbiddenException refused(Caller caller, Text why) {
        return new ForbiddenException(
                Roles.RESIDENT_ID,
                Messages.text("resident-self.refused", caller.subject(), why),
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
