package org.wushe.hub.community.need;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.wushe.hub.community.community.Community;
import org.wushe.hub.community.community.CommunityService;
import org.wushe.hub.community.grid.Grid;
import org.wushe.hub.community.grid.GridService;
import org.wushe.hub.community.resident.ResidentService;
import org.wushe.hub.community.station.Station;
import org.wushe.hub.community.station.StationService;

/**
 * What needs refer to (communities, stations, grids, residents), looked up once per use: a request,
 * or a chunk of an imported need list where thousands of rows name the same few communities.
 */
public class NeedReferences {

    private final CommunityService communities;
    private final StationService stations;
    private final GridService grids;
    private final ResidentService residents;

    private final Map<UUID, Optional<Community>> communityById = new HashMap<>();
    private final Map<String, List<Community>> communitiesByName = new HashMap<>();
    private final Map<UUID, List<Station>> serving = new HashMap<>();
    private final Map<UUID, Optional<Grid>> gridById = new HashMap<>();
    private final Map<String, Optional<Grid>> gridByName = new HashMap<>();
    private final Map<UUID, Optional<ResidentService.Pseudonym>> residentById = new HashMap<>();
    private final Map<String, Optional<ResidentService.Pseudonym>> residentByNumber = new HashMap<>();
    private final Predicate<UUID> namesScreenedIn;

    /**
     * @param namesScreenedIn the communities whose residents' names and phones titles are screened for: those
     *                        whose residents the one who publishes may see (else the answer would tell them
     *                        whether a string is a resident's name)
     */
    NeedReferences(
            CommunityService communities,
            StationService stations,
            GridService grids,
            ResidentService residents,
            Predicate<UUID> namesScreenedIn) {
        this.namesScreenedIn = namesScreenedIn;
        this.communities = communities;
        this.stations = stations;
        this.grids = grids;
        this.residents = residents;
    }

    public Optional<Community> community(UUID id) {
        return communityById.computeIfAbsent(id, communities::find);
    }

    public List<Community> communitiesNamed(String name) {
        return communitiesByName.computeIfAbsent(name, communities::findByName);
    }

    public List<Station> stationsServing(UUID communityId) {
        return serving.computeIfAbsent(communityId, stations::serving);
    }

    public Optional<Grid> grid(UUID id) {
        return gridById.computeIfAbsent(id, grids::find);
    }

    public Optional<Grid> gridNamed(UUID communityId, String name) {
        return gridByName.computeIfAbsent(communityId + "/" + name, k -> grids.findByName(communityId, name));
    }

    public Optional<ResidentService.Pseudonym> resident(UUID id) {
        return residentById.computeIfAbsent(id, residents::pseudonym);
    }

    public Optional<ResidentService.Pseudonym> residentWithRef(UUID residentRef) {
        return residents.pseudonymByRef(residentRef);
    }

    public Optional<ResidentService.Pseudonym> residentNumbered(UUID communityId, String number) {
        return residentByNumber.computeIfAbsent(
                communityId + "/" + number, k -> residents.pseudonymByNumber(communityId, number));
    }

    /**
     * Whether the title names the resident (name or phone), asked only when the one who publishes may see
     * the residents of {@code communityId}; for anyone else false, whatever the title: their answer must not
     * depend on who the residents are. Phone and ID numbers are refused by shape for everyone ({@link TitleScreen}).
     */
    boolean isNamedIn(UUID residentId, UUID communityId, String title) {
        return namesScreenedIn.test(communityId) && residents.isNamedIn(residentId, title);
    }
}
