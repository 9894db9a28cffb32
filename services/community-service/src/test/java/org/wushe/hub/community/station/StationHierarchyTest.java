package org.wushe.hub.community.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.events.community.CommunityKind;
import org.wushe.hub.events.community.CommunityRegistered;
import org.wushe.hub.events.community.StationLevel;
import org.wushe.hub.events.community.StationRegistered;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Liyuan town's "一中心七平台": one town centre serving 17 communities, five urban and two rural
 * community stations under it. Each registration is an event on its topic with the right content.
 */
class StationHierarchyTest extends ServiceScenario {

    @Test
    void oneCentreAndSevenStationsAreRegisteredAndAnnounced() {
        List<UUID> communities = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            JsonNode c = registerCommunity(unique(i < 15 ? "梨园社区" : "梨园村"), i < 15 ? "URBAN" : "RURAL");
            communities.add(UUID.fromString(c.get("id").asText()));
        }
        JsonNode district = registerStation(
                Http.map("name", unique("通州区社会工作指导中心"), "level", "DISTRICT_CENTRE", "districtCode", "110112"));
        JsonNode centre = registerStation(Http.map(
                "name",
                unique("梨园镇社会工作服务中心"),
                "level",
                "STREET_CENTRE",
                "parentStationId",
                district.get("id").asText(),
                "streetCode",
                "110112104",
                "servedCommunityIds",
                communities.stream().map(UUID::toString).toList(),
                "geohash",
                "wx4g0b"));
        UUID centreId = UUID.fromString(centre.get("id").asText());
        List<UUID> stations = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID host = communities.get(i < 5 ? i : 15 + (i - 5));
            JsonNode s = registerStation(Http.map(
                    "name",
                    unique("梨园社工站"),
                    "level",
                    "COMMUNITY_STATION",
                    "parentStationId",
                    centreId.toString(),
                    "communityId",
                    host.toString()));
            stations.add(UUID.fromString(s.get("id").asText()));
        }

        JsonNode tree =
                http().get("/stations/" + district.get("id").asText() + "/tree").json();
        assertThat(tree.get("children")).hasSize(1);
        assertThat(tree.get("children").get(0).get("children")).hasSize(7);

        CommunityRegistered rural = (CommunityRegistered)
                events(Aggregate.COMMUNITY, communities.get(16).toString(), 1).get(0);
        assertThat(rural.getCommunityId()).isEqualTo(communities.get(16));
        assertThat(rural.getKind()).isEqualTo(CommunityKind.RURAL);
        assertThat(rural.getName()).startsWith("梨园村");
        assertThat(rural.getPlace().getDistrictCode()).isEqualTo("110112");
        assertThat(rural.getPlace().getStreetCode()).isEqualTo("110112104");
        assertThat(rural.getPlace().getGeohash()).isEqualTo("wx4g0b"); // cut to 6 characters
        assertThat(rural.getPlace().getLatitude()).isEqualTo(39.91);
        assertThat(rural.getHouseholdCount()).isEqualTo(812);

        StationRegistered centreEvent = (StationRegistered)
                events(Aggregate.STATION, centreId.toString(), 1).get(0);
        assertThat(centreEvent.getLevel()).isEqualTo(StationLevel.STREET_CENTRE);
        assertThat(centreEvent.getParentStationId())
                .isEqualTo(UUID.fromString(district.get("id").asText()));
        assertThat(centreEvent.getCommunityId()).isNull();
        assertThat(centreEvent.getServedCommunityIds()).containsExactlyInAnyOrderElementsOf(communities);
        assertThat(centreEvent.getPlace().getDistrictCode()).isEqualTo("110112");

        StationRegistered rurals = (StationRegistered)
                events(Aggregate.STATION, stations.get(6).toString(), 1).get(0);
        assertThat(rurals.getLevel()).isEqualTo(StationLevel.COMMUNITY_STATION);
        assertThat(rurals.getParentStationId()).isEqualTo(centreId);
        assertThat(rurals.getCommunityId()).isEqualTo(communities.get(16));
        assertThat(rurals.getServedCommunityIds()).containsExactly(communities.get(16));
        assertThat(rurals.getPlace().getCommunityId()).isEqualTo(communities.get(16));

        assertThat(http().get("/stations?communityId=" + communities.get(16)).json())
                .extracting(n -> n.get("id").asText())
                .containsExactlyInAnyOrder(centreId.toString(), stations.get(6).toString());
    }

    @Test
    void theHierarchyIsEnforcedNamingTheField() {
        Place place = communityWithStation();
        JsonNode district = registerStation(
                Http.map("name", unique("区指导中心"), "level", "DISTRICT_CENTRE", "districtCode", "110112"));

        Http.Response underDistrict = http().post(
                        "/stations",
                        Http.map(
                                "name",
                                unique("社工站"),
                                "level",
                                "COMMUNITY_STATION",
                                "parentStationId",
                                district.get("id").asText(),
                                "communityId",
                                place.community().toString()));
        assertThat(underDistrict.status()).isEqualTo(400);
        assertThat(underDistrict.problemField()).isEqualTo("parentStationId");

        Http.Response noHost = http().post("/stations", Http.map("name", unique("社工站"), "level", "COMMUNITY_STATION"));
        assertThat(noHost.status()).isEqualTo(400);
        assertThat(noHost.problemField()).isEqualTo("communityId");

        Http.Response unknownServed = http().post(
                        "/stations",
                        Http.map(
                                "name",
                                unique("街道中心"),
                                "level",
                                "STREET_CENTRE",
                                "districtCode",
                                "110112",
                                "servedCommunityIds",
                                List.of(
                                        place.community().toString(),
                                        UUID.randomUUID().toString())));
        assertThat(unknownServed.status()).isEqualTo(400);
        assertThat(unknownServed.problemField()).isEqualTo("servedCommunityIds[1]");

        Http.Response duplicate = http().post(
                        "/stations",
                        Http.map(
                                "name",
                                place.stationName(),
                                "level",
                                "COMMUNITY_STATION",
                                "communityId",
                                place.community().toString()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.problemField()).isEqualTo("name");

        Http.Response badLevel =
                http().post("/stations", Http.map("name", "x", "level", "PROVINCE_CENTRE", "districtCode", "110112"));
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.problemField()).isEqualTo("level");

        Http.Response unknown = http().get("/stations/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemField()).isEqualTo("stationId");

        Http.Response grids = http().post("/communities/" + place.community() + "/grids", Http.map("name", "第一网格"));
        assertThat(grids.status()).isEqualTo(201);
        Http.Response sameGrid = http().post("/communities/" + place.community() + "/grids", Http.map("name", "第一网格"));
        assertThat(sameGrid.status()).isEqualTo(409);
        assertThat(http().get("/communities/" + place.community() + "/grids").json())
                .hasSize(1);
        assertThat(List.of(http().get("/communities/" + place.community())
                                .json()
                                .get("name")
                                .asText())
                        .stream()
                        .collect(Collectors.joining()))
                .isEqualTo(place.communityName());
    }
}
