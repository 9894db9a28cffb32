package org.wushe.hub.volunteer.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import org.wushe.hub.volunteer.support.UpstreamEvents;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /admin/replay} rebuilds the donor and need-category read models from the topics to the
 * same rows; the service's own state (rewards) is untouched, and events keep flowing afterwards.
 */
class ReadModelReplayTest extends ServiceScenario {

    @Test
    void donorsAndNeedCategoriesAreRebuiltFromTheTopicsAsTheyWereAndRewardsStay() {
        UUID shop = caringShop("邻里理发店 Neighbourhood Barber", DonorKind.CARING_SHOP);
        caringShop("通州信用社 Tongzhou Credit Union", DonorKind.BANK);
        // A later registration of the same shop replaces the first; reading both again must end the same way.
        Upstream.resource(codec)
                .publish(
                        Aggregate.DONOR,
                        shop,
                        UpstreamEvents.donorRegistered(
                                shop,
                                "邻里理发店（新址） Neighbourhood Barber, new address",
                                DonorKind.CARING_SHOP,
                                Instant.now()));
        await().atMost(WAIT)
                .until(() -> http().get("/donors/" + shop)
                        .json()
                        .get("name")
                        .asText()
                        .contains("新址"));
        UUID need = UUID.randomUUID();
        Upstream.community(codec)
                .publish(Aggregate.NEED, need, UpstreamEvents.needPublished(need, Category.HAIRCUT, clock.instant()));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM need_category WHERE need_id = ?", need) == 1);
        UUID reward = reward(shop, 30, 5);

        Map<String, List<Map<String, Object>>> before = rows("donor", "need_category", "reward");

        Http.Response started = http().post("/admin/replay", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode done = awaitReplayed();

        assertThat(done.get("consumer").asText()).isEqualTo(DonorInbound.CONSUMER);
        assertThat(done.get("group").asText()).isEqualTo("volunteer-readmodel");
        assertThat(done.get("clearedRows").get("donor").asInt())
                .isEqualTo(before.get("donor").size());
        assertThat(done.get("recordsReplayed").asLong()).isPositive();
        assertThat(rows("donor", "need_category", "reward")).isEqualTo(before);
        assertThat(http().get("/rewards?donorId=" + shop).json())
                .extracting(r -> r.get("id").asText())
                .containsExactly(reward.toString());

        // Events keep flowing into the rebuilt read model.
        UUID later = caringShop("爱心早餐铺 Caring Breakfast", DonorKind.CARING_SHOP);
        assertThat(http().get("/donors/" + later).json().get("kind").asText()).isEqualTo("CARING_SHOP");
    }

    private JsonNode awaitReplayed() {
        JsonNode[] last = {null};
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    last[0] = http().get("/admin/replay").json();
                    assertThat(last[0].get("state").asText())
                            .as(last[0].toString())
                            .isNotEqualTo("FAILED");
                    return last[0].get("state").asText().equals("DONE");
                });
        return last[0];
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** Every row of each table (ordered by its id), every column as text. */
    private Map<String, List<Map<String, Object>>> rows(String... tables) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String table : tables) {
            String key = table.equals("need_category") ? "need_id" : "id";
            out.put(
                    table,
                    jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + key).stream()
                            .map(row -> {
                                Map<String, Object> text = new LinkedHashMap<>();
                                row.forEach((k, v) -> text.put(k, v == null ? null : v.toString()));
                                return text;
                            })
                            .toList());
        }
        return out;
    }
}
