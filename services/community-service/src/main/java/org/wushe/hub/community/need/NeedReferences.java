package org.wushe.hub.community.need;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.wushe.hub.community.community.Community;
import org.wushe.hub.community.community.CommunityRepository;
import org.wushe.hub.community.grid.Grid;
import org.wushe.hub.community.grid.GridRepository;
import org.wushe.hub.community.resident.ResidentService;
import org.wushe.hub.community.station.Station;
import org.wushe.hub.community.station.StationRepository;

/**
 * What needs refer to (communities, stations, grids, residents), looked up once per use: a request,
 * or a chunk of an imported need list where thousands of rows name the same few communities.
 */
public class NeedReferences {

    private final CommunityRepository communities;
    private final StationRepository stations;
    private final GridRepository grids;
    private final ResidentService residents;

    private final Map<UUID, Optional<Community>> communityById = new HashMap<>();
    private final Map<String, List<Community>> communitiesByName = new HashMap<>();
    private final Map<UUID, List<Station>> serving = new HashMap<>();
    private final Map<UUID, Optional<Grid>> gridById = new HashMap<>();
    private final Map<String, Optional<Grid>> gridByName = new HashMap<>();
    private final Map<UUID, Optional<ResidentService.Pseudonym>> residentById = new HashMap<>();
    private final Map<String, Optional<ResidentService.Pseudonym>> residentByNumber = new HashMap<>();

    NeedReferences(CommunityRepository communities, StationRepository stations, GridRepository grids, ResidentService residents) {
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
        return residentByNumber.computeIfAbsent(communityId + "/" + number, k -> residents.pseudonymByNumber(communityId, number));
    }

    boolean isNamedIn(UUID residentId, String title) {
        return residents.isNamedIn(residentId, title);
    }
}
