package org.wushe.hub.community.needimport;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.wushe.hub.community.station.StationService;
import org.wushe.hub.community.web.Tenants;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;

/**
 * Who sees and changes an import or a draft: it belongs to the community it publishes for. Its
 * community's staff and the hub admin see it, and so does the manager of the centre above that
 * community (a station serving the community is the centre, or one or two levels below it). Only its
 * community's staff and the hub admin change a draft. An import of the hub admin's without a community
 * is the hub admin's alone. A refusal is the platform's 403 problem naming the field.
 */
@Component
public class ImportAccess {

    private final StationService stations;

    ImportAccess(StationService stations) {
        this.stations = stations;
    }

    /** Passes when the caller may see what belongs to {@code community} (null: the hub admin's own). */
    public void requireRead(String field, UUID community) {
        Caller caller = Access.caller();
        if (caller.isAdmin() || community != null && caller.holds(Roles.COMMUNITY_STAFF, community)) {
            return;
        }
        Optional<UUID> centre = Tenants.of(caller, Roles.CENTRE_MANAGER);
        if (community != null
                && centre.isPresent()
                && communitiesOfCentre(centre.get()).contains(community)) {
            return;
        }
        throw refusal(caller, field, community, "see");
    }

    /** Passes when the caller may change what belongs to {@code community}: its staff, or the hub admin. */
    public void requireWrite(String field, UUID community) {
        Caller caller = Access.caller();
        if (caller.isAdmin() || community != null && caller.holds(Roles.COMMUNITY_STAFF, community)) {
            return;
        }
        throw refusal(caller, field, community, "change");
    }

    /**
     * The communities whose imports the caller sees, or empty for all (the hub admin). A caller with
     * neither community staff's nor a centre manager's role is refused, naming {@code field}.
     */
    public Optional<List<UUID>> visibleCommunities(String field) {
        Caller caller = Access.caller();
        if (caller.isAdmin()) {
            return Optional.empty();
        }
        ForbiddenException refusal = Access.roleRefusal(caller, field, Roles.COMMUNITY_STAFF, Roles.CENTRE_MANAGER);
        if (refusal != null) {
            throw refusal;
        }
        List<UUID> communities = new java.util.ArrayList<>();
        Tenants.of(caller, Roles.COMMUNITY_STAFF).ifPresent(communities::add);
        Tenants.of(caller, Roles.CENTRE_MANAGER).ifPresent(centre -> communities.addAll(communitiesOfCentre(centre)));
        return Optional.of(communities);
    }

    List<UUID> communitiesOfCentre(UUID centre) {
        return stations.communitiesOfCentre(centre);
    }

    private static ForbiddenException refusal(Caller caller, String field, UUID community, String verb) {
        if (community == null) {
            return new ForbiddenException(
                    field,
                    verb.equals("see")
                            ? Messages.text("import.see-refused-admin", caller.describeText())
                            : Messages.text("import.change-refused-admin", caller.describeText()),
                    Roles.HUB_ADMIN);
        }
        String required = Roles.COMMUNITY_STAFF + " of " + community
                + (verb.equals("see") ? " or " + Roles.CENTRE_MANAGER + " of its centre" : "");
        return new ForbiddenException(
                field,
                verb.equals("see")
                        ? Messages.text("import.see-refused", caller.describeText(), community, required)
                        : Messages.text("import.change-refused", caller.describeText(), community, required),
                required);
    }
}
