package org.wushe.hub.matching.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.matching.engine.EngineStats;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /admin/replay} rebuilds need_view, volunteer_view, offer_view and station_view from the
 * topics to the very same rows, makes no proposal while it runs, gives the engine back what it held,
 * and matching goes on afterwards.
 */
class ReadModelReplayTest extends MatchingScenario {

    private static final List<String> READ_MODEL = List.of("need_view", "volunteer_view", "offer_view", "station_view");
    /** What matching owns, which a replay must leave as it was. */
    private static final List<String> OWN_STATE = List.of("match", "match_exclusion", "need_state");

    @Test
    void theReadModelIsRebuiltFromTheTopicsAsItWasWithoutAProposalAndMatchingGoesOn() {
        Place p = newPlace();
        // Skills no other test uses: volunteers of other tests (all in one database) never compete here.
        volunteer(p, Town.HERE, Skill.CULTURAL_ARTS);
        volunteer(p, Town.EAST_3KM, Skill.CULTURAL_ARTS);
        UUID offer = UUID.randomUUID();
        resources()
                .publish(
                        Aggregate.OFFER,
                        offer,
                        Town.goods(
                                offer,
                                p.community(),
                                Category.DAILY_GOODS,
                                BeneficiaryGroup.ELDERLY_ALONE,
                                "米面油 rice, flour and oil",
                                20,
                                LocalDate.now().plusMonths(3),
                                clock.instant()));
        await().atMost(WAIT).until(() -> count("select count(*) from offer_view where offer_id = ?", offer) == 1);
        // A live, accepted match.
        UUID matched =
                publish(p, Category.CULTURAL_EVENT, Urgency.SOON, "重阳节联欢 Double Ninth gathering", Skill.CULTURAL_ARTS);
        String live = awaitLiveMatch(matched).get("matchId").asText();
        assertThat(http().as(TestTokens.token("staff-li", Roles.STATION_STAFF, Roles.STATION_ID, p.station()))
                        .post("/matches/" + live + "/accept", Map.of())
                        .status())
                .isEqualTo(200);
        // An urgent need nobody could serve when it came; a volunteer who could registered later. It waits
        // for the batch: reading its NeedPublished again must not propose it now.
        UUID waiting = publish(p, Category.ESCORT, Urgency.URGENT, "送医 a drive to hospital", Skill.DRIVING);
        awaitNeed(waiting, n -> n.get("state").asText().equals("WAITING"));
        volunteer(p, Town.HERE, Skill.DRIVING);
        awaitEngineCaughtUp();
        await().atMost(WAIT)
                .until(() -> count(
                                "select count(*) from audit_event where need_id = ? and event_type = 'MatchAccepted'",
                                matched)
                        == 1);

        Map<String, List<Map<String, Object>>> readModel = rows(READ_MODEL);
        Map<String, List<Map<String, Object>>> own = rows(OWN_STATE);
        List<Map<String, Object>> audit = rows(List.of("audit_event")).get("audit_event");
        EngineStats stats = engine.stats();
        assertThat(readModel.get("need_view")).isNotEmpty();

        // The replay is the hub admin's: station staff are refused, and nothing starts.
        JsonNode before = http().get("/admin/replay").json();
        Http.Response refused = http().as(
                        TestTokens.token("staff-li", Roles.STATION_STAFF, Roles.STATION_ID, p.station()))
                .post("/admin/replay", "");
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("required").asText()).isEqualTo(Roles.HUB_ADMIN);
        assertThat(http().get("/admin/replay").json()).isEqualTo(before);

        Http.Response started = http().as(TestTokens.admin("ops-chen")).post("/admin/replay", "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get("startedBy").asText()).isEqualTo("ops-chen");
        assertThat(http().post("/admin/replay", "").status())
                .as("a second replay while one runs")
                .isEqualTo(409);
        // Events that come while the history is read again: the read-model consumers leave the engine alone during a
        // replay, so these reach it through the reload at its end (or, while the group's partitions are not assigned
        // yet, through the engine feed, EngineFeed); either way they must not be missed. ReplayingTest checks the
        // hand-over to the reload itself.
        awaitState("REPLAYING");
        UUID during = UUID.randomUUID();
        volunteers()
                .publish(
                        Aggregate.VOLUNTEER,
                        during,
                        Town.volunteer(during, p.community(), Town.HERE, Skill.DIGITAL_LITERACY));
        UUID offerDuring = UUID.randomUUID();
        resources()
                .publish(
                        Aggregate.OFFER,
                        offerDuring,
                        Town.goods(
                                offerDuring,
                                p.community(),
                                Category.DAILY_GOODS,
                                BeneficiaryGroup.ELDERLY_ALONE,
                                "保暖内衣 thermal underwear",
                                5,
                                LocalDate.now().plusMonths(3),
                                clock.instant()));
        JsonNode done = awaitReplayed();

        assertThat(done.get("recordsReplayed").asLong())
                .isEqualTo(done.get("recordsToReplay").asLong())
                .isPositive();
        assertThat(done.get("clearedRows").get("need_view").asInt())
                .isEqualTo(readModel.get("need_view").size());
        assertThat(done.get("partitions"))
                .allSatisfy(x -> assertThat(x.get("committed").asLong())
                        .isGreaterThanOrEqualTo(x.get("to").asLong()));
        // Every state the replay went through, in order, each entered no earlier than the one before it.
        List<String> phaseNames = new ArrayList<>();
        done.get("phases").propertyNames().forEach(phaseNames::add);
        assertThat(phaseNames).containsExactly("STOPPING", "RESETTING", "CLEARING", "REPLAYING", "FINISHING", "DONE");
        List<Instant> enteredAt = phaseNames.stream()
                .map(name -> Instant.parse(done.get("phases").get(name).asText()))
                .toList();
        assertThat(enteredAt).isSorted();
        assertThat(enteredAt.get(0))
                .isEqualTo(Instant.parse(done.get("startedAt").asText()));
        assertThat(count("select count(*) from volunteer_view where volunteer_id = ?", during))
                .as("the volunteer registered during the replay")
                .isEqualTo(1);
        assertThat(count("select count(*) from offer_view where offer_id = ? and active", offerDuring))
                .as("the offer made during the replay")
                .isEqualTo(1);
        List<String> cameDuring = List.of(during.toString(), offerDuring.toString());
        for (String table : READ_MODEL) {
            assertThat(rows(List.of(table)).get(table).stream()
                            .filter(row ->
                                    !cameDuring.contains(row.values().iterator().next()))
                            .toList())
                    .as(table)
                    .containsExactlyElementsOf(readModel.get(table));
        }
        for (String table : OWN_STATE) {
            assertThat(rows(List.of(table)).get(table))
                    .as(table + " (no proposal, nothing decided)")
                    .containsExactlyElementsOf(own.get(table));
        }
        // The audit trail is kept: reading the events again records nothing twice.
        assertThat(rows(List.of("audit_event")).get("audit_event")).containsAll(audit);
        assertThat(count("select count(*) from audit_event where need_id in (?, ?)", matched, waiting))
                .isEqualTo(4);
        // The engine holds what the tables hold, the two candidates that came during the replay included, and
        // nothing was proposed meanwhile.
        EngineStats after = engine.stats();
        assertThat(after.volunteers()).isEqualTo(stats.volunteers() + 1);
        assertThat(after.offers()).isEqualTo(stats.offers() + 1);
        assertThat(after.holds()).isEqualTo(stats.holds());
        assertThat(http().get("/admin/replay", "Accept", "text/plain").text()).startsWith("DONE ");

        // Matching goes on: a new need is proposed at once.
        UUID next = publish(p, Category.CULTURAL_EVENT, Urgency.URGENT, "读书会 a reading circle", Skill.CULTURAL_ARTS);
        assertThat(awaitLiveMatch(next).get("status").asText()).isEqualTo("PROPOSED");
        // The engine knows the volunteer who registered during the replay: the only one with the skill is proposed.
        UUID phones = publish(
                p, Category.CULTURAL_EVENT, Urgency.URGENT, "教用智能手机 smartphone lessons", Skill.DIGITAL_LITERACY);
        JsonNode proposed = awaitLiveMatch(phones);
        assertThat(proposed.get("candidate").get("id").asText()).isEqualTo(during.toString());
    }

    private UUID publish(Place p, Category category, Urgency urgency, String title, Skill... skills) {
        UUID needId = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        needId,
                        Town.need(
                                needId,
                                p.community(),
                                p.station(),
                                category,
                                urgency,
                                BeneficiaryGroup.ELDERLY_ALONE,
                                title,
                                clock.instant(),
                                7,
                                null,
                                skills));
        return needId;
    }

    private void awaitState(String state) {
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() ->
                        http().get("/admin/replay").json().get("state").asText().equals(state));
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

    /** Every row of each table, every column as text, in primary-key order. */
    private Map<String, List<Map<String, Object>>> rows(List<String> tables) {
        Map<String, List<Map<String, Object>>> out = new java.util.LinkedHashMap<>();
        for (String table : tables) {
            String key = switch (table) {
                case "need_view", "need_state" -> "need_id";
                case "match_exclusion" -> "need_id, candidate_kind, candidate_id";
                case "volunteer_view" -> "volunteer_id";
                case "offer_view" -> "offer_id";
                case "station_view" -> "station_id";
                case "match" -> "match_id";
                default -> "event_id";
            };
            out.put(
                    table,
                    jdbc.queryForList("select * from " + table + " order by " + key).stream()
                            .map(row -> {
                                Map<String, Object> text = new java.util.LinkedHashMap<>();
                                row.forEach((k, v) -> text.put(k, v == null ? null : v.toString()));
                                return text;
                            })
                            .toList());
        }
        return out;
    }
}
