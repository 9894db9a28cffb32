package org.wushe.hub.community.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Grid work on the real stack: a community with its station, two grids, residents registered by the community's
 * staff, and each grid's grid worker keeping its register. Shares {@link ServiceScenario}'s Spring context.
 */
public abstract class GridScenario extends ServiceScenario {

    /** A token of {@code subject}, grid worker of {@code grid} ({@code grid_worker}, {@code grid_id}). */
    protected static String gridWorker(String subject, UUID grid) {
        return TestTokens.token(subject, Roles.GRID_WORKER, Roles.GRID_ID, grid);
    }

    /** A community with its station and two grids; {@code worker} is the first grid's grid worker. */
    protected record Town(
            Place place, UUID grid, UUID otherGrid, Http worker, Http otherWorker, Http staff, Http station) {}

    protected Town town() {
        Place place = communityWithStation();
        UUID grid = registerGrid(place.community(), "第一网格");
        UUID other = registerGrid(place.community(), "第二网格");
        return new Town(
                place,
                grid,
                other,
                as(gridWorker("grid-wang", grid)),
                as(gridWorker("grid-zhao", other)),
                as(communityStaff("sq-he", place.community())),
                as(stationStaff("zhan-li", place.station())));
    }

    /** A household in a new compound and building of the grid, with {@code residents} (ids) living there. */
    protected JsonNode household(Http worker, UUID grid, int number, List<String> residents) {
        Http.Response compound = worker.post("/grids/" + grid + "/compounds", Http.map("name", unique("梨园小区")));
        assertThat(compound.status()).as(compound.text()).isEqualTo(201);
        Http.Response building = worker.post(
                "/compounds/" + compound.json().get("id").asText() + "/buildings",
                Http.map("label", "3号楼", "stairwells", 4));
        assertThat(building.status()).as(building.text()).isEqualTo(201);
        Http.Response home = worker.post(
                "/buildings/" + building.json().get("id").asText() + "/households",
                Http.map("stairwell", 2, "number", number, "residentIds", residents));
        assertThat(home.status()).as(home.text()).isEqualTo(201);
        return home.json();
    }

    /** A resident of the community, registered by its staff: their id. */
    protected String resident(Place place, String number, String... flags) {
        return registerResident(place.community(), People.next(), number, flags)
                .get("id")
                .asText();
    }

    protected static void assertForbidden(Http.Response r, String field, String required) {
        Problems.assertForbidden(r.status(), r.contentType(), r.json(), r.text(), field, required);
    }

    /** A 4xx problem naming {@code field}. */
    protected static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.problemField()).as(r.text()).isEqualTo(field);
    }

    protected int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    /** No key, value or header of the records holds any of the strings. */
    protected static void assertNoneHolds(List<ConsumerRecord<String, byte[]>> records, List<String> strings) {
        List<String> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            StringBuilder all = new StringBuilder(r.key() == null ? "" : r.key())
                    .append(new String(r.value(), StandardCharsets.UTF_8));
            r.headers()
                    .forEach(h -> all.append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)));
            for (String s : strings) {
                if (all.indexOf(s) >= 0) {
                    found.add(s);
                }
            }
        }
        assertThat(found)
                .as("personal data, notes, titles or register entries on the grid topic")
                .isEmpty();
    }
}
