package org.wushe.hub.community.grid;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.wushe.hub.community.station.Station;
import org.wushe.hub.community.station.StationService;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Tenancy by grid, for the grid's work (register, patrols, care visits, subsidy applications): a grid worker
 * ({@value Roles#GRID_WORKER} with its {@value Roles#GRID_ID}) sees and writes their own grid only; the staff of
 * the grid's community ({@value Roles#COMMUNITY_STAFF}) see and write every grid of it; the staff of a station
 * serving that community ({@value Roles#STATION_STAFF}) see them. The hub admin, who opens no resident's record,
 * does not pass (the work names residents). A refusal is a 403 naming the field and who would be allowed.
 */
@Component
public class GridAccess {

    private final GridRepository grids;
    private final StationService stations;

    GridAccess(GridRepository grids, StationService stations) {
        this.grids = grids;
        this.stations = stations;
    }

    /** The grid, or a 404 naming {@code field}. */
    public Grid grid(String field, UUID gridId) {
        return grids.find(gridId)
                .orElseThrow(() -> new InvalidInputException(field, Messages.text("grid.not-found", gridId), 404));
    }

    /** Passes for the grid's grid worker and its community's staff; answers the grid (404 naming {@code field} when unknown). */
    public Grid requireWorker(String field, UUID gridId) {
        Grid grid = grid(field, gridId);
        requireWorker(field, grid);
        return grid;
    }

    /** The same for a grid already read (a row's grid, where the field is the row's {@code id}). */
    public Caller requireWorker(String field, Grid grid) {
        Caller caller = Access.caller();
        if (caller.holds(Roles.GRID_WORKER, grid.id()) || caller.holds(Roles.COMMUNITY_STAFF, grid.communityId())) {
            return caller;
        }
        String needed =
                Roles.GRID_WORKER + " of " + grid.id() + " or " + Roles.COMMUNITY_STAFF + " of " + grid.communityId();
        throw new ForbiddenException(
                field, Messages.text("grid.worker-refused", caller.describeText(), grid.id(), needed), needed);
    }

    /** Passes for those of {@link #requireWorker} and the staff of a station serving the grid's community. */
    public Grid requireReader(String field, UUID gridId) {
        Grid grid = grid(field, gridId);
        requireReader(field, grid);
        return grid;
    }

    public Caller requireReader(String field, Grid grid) {
        Caller caller = Access.caller();
        if (caller.holds(Roles.GRID_WORKER, grid.id()) || caller.holds(Roles.COMMUNITY_STAFF, grid.communityId())) {
            return caller;
        }
        List<Station> serving = stations.serving(grid.communityId());
        if (serving.stream().anyMatch(s -> caller.holds(Roles.STATION_STAFF, s.id()))) {
            return caller;
        }
        String needed =
                Roles.GRID_WORKER + " of " + grid.id() + " or " + Roles.COMMUNITY_STAFF + " of " + grid.communityId()
                        + serving.stream()
                                .map(s -> " or " + Roles.STATION_STAFF + " of " + s.id())
                                .collect(Collectors.joining());
        throw new ForbiddenException(
                field, Messages.text("grid.reader-refused", caller.describeText(), grid.id(), needed), needed);
    }

    /** Passes for the staff of the community (reviewing what its grids report); not grid workers, not the hub admin. */
    public Caller requireCommunityStaff(String field, UUID communityId) {
        return Access.requireTenantOnly(field, communityId, Roles.COMMUNITY_STAFF);
    }

    /** Passes for the staff of the community and of a station serving it (reading what its grids report). */
    public Caller requireCommunityReader(String field, UUID communityId) {
        Caller caller = Access.caller();
        if (caller.holds(Roles.COMMUNITY_STAFF, communityId)
                || stations.serving(communityId).stream().anyMatch(s -> caller.holds(Roles.STATION_STAFF, s.id()))) {
            return caller;
        }
        String needed = Roles.COMMUNITY_STAFF + " of " + communityId + " or " + Roles.STATION_STAFF
                + " of a station serving it";
        throw new ForbiddenException(
                field,
                Messages.text("grid.community-reader-refused", caller.describeText(), communityId, needed),
                needed);
    }

    /** The station's own staff only (not the hub admin): answers the communities it serves. */
    public Set<UUID> requireStationStaff(String field, UUID stationId) {
        Access.requireTenantOnly(field, stationId, Roles.STATION_STAFF);
        return new LinkedHashSet<>(stations.get(stationId).servedCommunityIds());
    }
}
