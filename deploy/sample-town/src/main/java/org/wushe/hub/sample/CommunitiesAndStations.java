package org.wushe.hub.sample;

import static org.wushe.hub.sample.SampleTown.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.wushe.hub.sample.SampleTown.CommunityRef;

/**
 * 社区与站点 The town's communities, the centre (一中心) and its seven stations (七平台), and the grids each
 * community is divided into, at community-service.
 */
final class CommunitiesAndStations {

    private final Rest rest;
    private final SampleTown.Endpoints api;

    CommunitiesAndStations(Rest rest, SampleTown.Endpoints api) {
        this.rest = rest;
        this.api = api;
    }

    /** The 17 communities, in {@link Town#COMMUNITIES} order; their stations and grids come next ({@link #stationsAndGrids}). */
    List<CommunityRef> register() {
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (Town.Community c : Town.COMMUNITIES) {
            calls.add(rest.post(
                    api.community() + "/communities",
                    body(
                            "name",
                            c.name(),
                            "kind",
                            c.rural() ? "RURAL" : "URBAN",
                            "districtCode",
                            Town.DISTRICT,
                            "streetCode",
                            Town.STREET,
                            "geohash",
                            c.point().cell(),
                            "gridCount",
                            c.grids(),
                            "householdCount",
                            c.households(),
                            "residentCount",
                            c.population())));
        }
        List<JsonNode> answers = Rest.all(calls);
        List<CommunityRef> refs = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Town.Community c = Town.COMMUNITIES.get(i);
            refs.add(new CommunityRef(
                    answers.get(i).get("id").asText(),
                    c.name(),
                    c.rural(),
                    null,
                    c.point().cell(),
                    c.point().lat(),
                    c.point().lon(),
                    List.of()));
        }
        return refs;
    }

    /** The centre station, the communities with their station and grids, and how many grids were made. */
    record Stations(String centreId, List<CommunityRef> communities, int grids) {}

    /** The centre and its stations, then each community's grids; the communities again, with their station and grids. */
    Stations stationsAndGrids(Random r, List<CommunityRef> communities) {
        int gridCount = 0;
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < communities.size(); i++) {
            index.put(communities.get(i).name(), i);
        }
        JsonNode centre = Rest.join(rest.post(
                api.community() + "/stations",
                body(
                        "name",
                        Town.CENTRE_STATION,
                        "level",
                        "STREET_CENTRE",
                        "districtCode",
                        Town.DISTRICT,
                        "streetCode",
                        Town.STREET,
                        "geohash",
                        Town.CENTRE.cell(),
                        "servedCommunityIds",
                        communities.stream().map(CommunityRef::id).toList())));
        String centreId = centre.get("id").asText();
        List<CompletableFuture<JsonNode>> stationCalls = new ArrayList<>();
        for (Town.Station s : Town.STATIONS) {
            stationCalls.add(rest.post(
                    api.community() + "/stations",
                    body(
                            "name",
                            s.name(),
                            "level",
                            "COMMUNITY_STATION",
                            "parentStationId",
                            centreId,
                            "communityId",
                            communities.get(index.get(s.communities().get(0))).id(),
                            "servedCommunityIds",
                            s.communities().stream()
                                    .map(n -> communities.get(index.get(n)).id())
                                    .toList())));
        }
        List<JsonNode> stations = Rest.all(stationCalls);
        String[] stationOf = new String[communities.size()];
        for (int i = 0; i < Town.STATIONS.size(); i++) {
            for (String n : Town.STATIONS.get(i).communities()) {
                stationOf[index.get(n)] = stations.get(i).get("id").asText();
            }
        }

        // Grids: a grid worker's block each, cells around the community's centre.
        List<List<CompletableFuture<JsonNode>>> gridCalls = new ArrayList<>();
        for (int i = 0; i < communities.size(); i++) {
            Town.Community c = Town.COMMUNITIES.get(i);
            List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
            for (int g = 0; g < c.grids(); g++) {
                int households = c.households() / c.grids();
                int buildings = c.rural() ? 0 : Math.max(4, households / 65);
                calls.add(rest.post(
                        api.community() + "/communities/" + communities.get(i).id() + "/grids",
                        body(
                                "name",
                                Town.GRID_NAMES[g],
                                "buildings",
                                buildings,
                                "stairwells",
                                buildings * 4 + r.nextInt(8),
                                "households",
                                households,
                                "residents",
                                c.population() / c.grids(),
                                "geohash",
                                c.point().jitter(r, 500).cell())));
            }
            gridCalls.add(calls);
        }
        List<CommunityRef> refs = new ArrayList<>();
        for (int i = 0; i < communities.size(); i++) {
            List<String> grids = Rest.all(gridCalls.get(i)).stream()
                    .map(g -> g.get("id").asText())
                    .toList();
            gridCount += grids.size();
            CommunityRef c = communities.get(i);
            refs.add(new CommunityRef(c.id(), c.name(), c.rural(), stationOf[i], c.geohash(), c.lat(), c.lon(), grids));
        }
        return new Stations(centreId, refs, gridCount);
    }
}
