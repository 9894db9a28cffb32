package org.wushe.hub.community.resident;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.wushe.hub.community.station.Station;
import org.wushe.hub.community.station.StationService;
import org.wushe.hub.community.web.Tenants;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Who may see residents: the staff of the resident's community ({@value Roles#COMMUNITY_STAFF} with its
 * {@value Roles#COMMUNITY_ID}) and the staff of a station that serves that community
 * ({@value Roles#STATION_STAFF} with its {@value Roles#STATION_ID}). Not the hub admin: like
 * {@link Access#requireTenantOnly}, the admin sets up the town but opens no resident's record. A refusal
 * is a 403 naming the field and who would be allowed.
 */
@Component
public class ResidentAccess {

    private final StationService stations;

    ResidentAccess(StationService stations) {
        this.stations = stations;
    }

    /**
     * Passes when the caller may erase the residents of {@code communityId}: its community staff, or the centre
     * manager of a centre above it (a station serving the community is the centre or one or two levels below
     * it, as for imports). Not station staff, not the hub admin: 403 naming {@code field}.
     */
    public Caller requireEraser(String field, UUID communityId) {
        Caller caller = Access.caller();
        if (caller.holds(Roles.COMMUNITY_STAFF, communityId)) {
            return caller;
        }
        Optional<UUID> centre = Tenants.of(caller, Roles.CENTRE_MANAGER);
        if (centre.isPresent() && stations.communitiesOfCentre(centre.get()).contains(communityId)) {
            return caller;
        }
        String needed = Roles.COMMUNITY_STAFF + " of " + communityId + " or " + Roles.CENTRE_MANAGER + " of its centre";
        throw new ForbiddenException(
                field, Messages.text("resident.eraser-refused", caller.describeText(), communityId, needed), needed);
    }

    /** Passes when the caller may see the residents of {@code communityId}; else a 403 naming {@code field}. */
    public Caller requireCommunity(String field, UUID communityId) {
        Caller caller = Access.caller();
        if (caller.holds(Roles.COMMUNITY_STAFF, communityId)) {
            return caller;
        }
        List<Station> serving = stations.serving(communityId);
        if (serving.stream().anyMatch(s -> caller.holds(Roles.STATION_STAFF, s.id()))) {
            return caller;
        }
        String needed = Roles.COMMUNITY_STAFF + " of " + communityId
                + serving.stream()
                        .map(s -> " or " + Roles.STATION_STAFF + " of " + s.id())
                        .collect(Collectors.joining());
        throw new ForbiddenException(
                field, Messages.text("resident.reader-refused", caller.describeText(), communityId, needed), needed);
    }

    /**
     * The one community whose residents the caller searches: {@code communityId} when given (403 naming
     * {@code field} unless the caller may see its residents, as {@link #requireCommunity}), else the
     * caller's own as community staff. Station staff name the community (400 naming {@code field}: a
     * station may serve several); anyone else (the hub admin among them) gets a 403 naming {@code field}.
     */
    public UUID oneCommunity(String field, UUID communityId) {
        if (communityId != null) {
            requireCommunity(field, communityId);
            return communityId;
        }
        Caller caller = Access.caller();
        Optional<UUID> own = Tenants.of(caller, Roles.COMMUNITY_STAFF);
        if (own.isPresent()) {
            return own.get();
        }
        if (Tenants.of(caller, Roles.STATION_STAFF).isPresent()) {
            throw new InvalidInputException(field, Messages.text("resident.community-required"));
        }
        String needed = Roles.COMMUNITY_STAFF + " or " + Roles.STATION_STAFF;
        throw new ForbiddenException(
                field,
                Messages.text(
                        "resident.no-role-refused",
                        caller.describeText(),
                        Roles.labelText(Roles.COMMUNITY_STAFF),
                        Roles.labelText(Roles.STATION_STAFF)),
                needed);
    }

    /**
     * The communities whose residents the caller may see, as {@link #communities} but empty (no refusal)
     * for a caller who may see none (the hub admin) or when there is no caller.
     */
    public Set<UUID> visibleCommunities() {
        Optional<Caller> caller = Caller.current();
        if (caller.isEmpty()) {
            return Set.of();
        }
        Set<UUID> communities = new LinkedHashSet<>();
        Tenants.of(caller.get(), Roles.COMMUNITY_STAFF).ifPresent(communities::add);
        Tenants.of(caller.get(), Roles.STATION_STAFF)
                .flatMap(stations::find)
                .ifPresent(s -> communities.addAll(s.servedCommunityIds()));
        return communities;
    }

    /**
     * The communities whose residents the caller may see: its own as community staff, those its station
     * serves as station staff. A caller with neither role (the hub admin among them) gets a 403 naming {@code field}.
     */
    public Set<UUID> communities(String field) {
        Caller caller = Access.caller();
        Optional<UUID> community = Tenants.of(caller, Roles.COMMUNITY_STAFF);
        Optional<UUID> station = Tenants.of(caller, Roles.STATION_STAFF);
        if (community.isEmpty() && station.isEmpty()) {
            String needed = Roles.COMMUNITY_STAFF + " or " + Roles.STATION_STAFF;
            throw new ForbiddenException(
                    field,
                    Messages.text(
                            "resident.no-role-refused",
                            caller.describeText(),
                            Roles.labelText(Roles.COMMUNITY_STAFF),
                            Roles.labelText(Roles.STATION_STAFF)),
                    needed);
        }
        Set<UUID> communities = new LinkedHashSet<>();
        community.ifPresent(communities::add);
        station.flatMap(stations::find).ifPresent(s -> communities.addAll(s.servedCommunityIds()));
        return communities;
    }
}
