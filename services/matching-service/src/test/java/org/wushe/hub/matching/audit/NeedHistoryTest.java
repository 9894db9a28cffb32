package org.wushe.hub.matching.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.matching.inbound.ReadModelInbound;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.actor.Actor;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/** A need's history: every event about it, in order, with who acted; a redelivered event adds nothing. */
class NeedHistoryTest extends MatchingScenario {

    @Test
    void theHistoryListsPublishedProposedDeclinedProposedAgainAndAcceptedInOrderWithTheirActors() {
        Place p = newPlace();
        // A skill no other test uses: volunteers of other tests (all in one database) never compete here.
        UUID first = volunteer(p, Town.HERE, Skill.MEDIATION);
        UUID second = volunteer(p, Town.EAST_3KM, Skill.MEDIATION);
        UUID needId = UUID.randomUUID();
        // The community service writes the need inside a request of its desk staff.
        Actor.run(
                "desk-zhao",
                () -> community()
                        .publish(
                                Aggregate.NEED,
                                needId,
                                Town.need(
                                        needId,
                                        p.community(),
                                        p.station(),
                                        Category.MEDIATION,
                                        Urgency.SOON,
                                        BeneficiaryGroup.ELDERLY_ALONE,
                                        "邻里噪音纠纷调解 a noise dispute between neighbours",
                                        clock.instant(),
                                        7,
                                        null,
                                        Skill.MEDIATION)));

        JsonNode proposed = awaitLiveMatch(needId);
        String firstMatch = proposed.get("matchId").asText();
        // Station staff of the need's station decide, each with a token naming them.
        Http.Response declined = http().as(staff(p, "staff-wang"))
                .post("/matches/" + firstMatch + "/decline", Map.of("reason", "TOO_FAR"));
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        JsonNode next = awaitLiveMatch(needId);
        assertThat(next.get("candidate").get("id").asText()).isEqualTo(second.toString());
        Http.Response accepted = http().as(staff(p, "staff-li"))
                .post("/matches/" + next.get("matchId").asText() + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);

        JsonNode history = awaitHistory(needId, 5);
        assertThat(types(history))
                .containsExactly("NeedPublished", "MatchProposed", "MatchDeclined", "MatchProposed", "MatchAccepted");
        assertThat(field(history, "actor"))
                .containsExactly(
                        "desk-zhao",
                        "system:" + ReadModelInbound.CONSUMER, // proposed by the consumer that read the need
                        "staff-wang",
                        "staff-wang", // the next proposal is made in the decline's transaction
                        "staff-li");
        assertThat(field(history, "summaryZh"))
                .containsExactly(
                        "需求发布：矛盾调解，近期",
                        "提出匹配：志愿者 " + first.toString().substring(0, 8) + "，评分 " + score(proposed),
                        "拒绝匹配：志愿者 " + first.toString().substring(0, 8) + "，原因：距离太远",
                        "提出匹配：志愿者 " + second.toString().substring(0, 8) + "，评分 " + score(next) + "（第 2 次推荐）",
                        "接受匹配：志愿者 " + second.toString().substring(0, 8));
        assertThat(field(history, "summaryEn").get(1))
                .isEqualTo("Proposed volunteer " + first.toString().substring(0, 8) + ", score " + score(proposed));
        assertThat(field(history, "topic"))
                .containsExactly(
                        "wushe.community.need",
                        "wushe.matching.match",
                        "wushe.matching.match",
                        "wushe.matching.match",
                        "wushe.matching.match");
        assertThat(history.get("events"))
                .allSatisfy(e -> assertThat(e.get("offset").isNumber()).isTrue());
        // Nothing personal: the need's free-text title is not in any summary.
        assertThat(history.get("events").toString()).doesNotContain("噪音");

        Http.Response text = http().get("/needs/" + needId + "/history", "Accept", "text/plain");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.text().lines().toList())
                .hasSize(6)
                .last()
                .asString()
                .contains("staff-li")
                .contains("接受匹配")
                .contains("Accepted volunteer " + second.toString().substring(0, 8));

        // Redeliver every record of the need and of its two matches, verbatim: the history does not change.
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.NEED.topic(),
                r -> needId.toString().equals(r.key()),
                kept -> !kept.isEmpty(),
                WAIT));
        int needRecords = records.size();
        records.addAll(TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.MATCH.topic(),
                r -> r.key().equals(firstMatch)
                        || r.key().equals(next.get("matchId").asText()),
                kept -> kept.size() >= 4,
                WAIT));
        double needDuplicates =
                counter("wushe.inbound.events", "consumer", ReadModelInbound.CONSUMER, "outcome", "duplicate");
        double auditDuplicates =
                counter("wushe.inbound.events", "consumer", AuditInbound.CONSUMER, "outcome", "duplicate");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers()));
            }
        }
        await().atMost(WAIT)
                .until(() -> counter(
                                        "wushe.inbound.events",
                                        "consumer",
                                        ReadModelInbound.CONSUMER,
                                        "outcome",
                                        "duplicate")
                                >= needDuplicates + needRecords
                        && counter("wushe.inbound.events", "consumer", AuditInbound.CONSUMER, "outcome", "duplicate")
                                >= auditDuplicates + 4);
        JsonNode again = http().get("/needs/" + needId + "/history").json();
        assertThat(again.get("events")).isEqualTo(history.get("events"));
        assertThat(count("select count(*) from audit_event where need_id = ?", needId))
                .isEqualTo(5);
    }

    @Test
    void anUnknownNeedHasNoHistory() {
        Http.Response r = http().get("/needs/" + UUID.randomUUID() + "/history");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.problemField()).isEqualTo("needId");
    }

    private static String staff(Place p, String subject) {
        return TestTokens.token(subject, Roles.STATION_STAFF, Roles.STATION_ID, p.station());
    }

    private JsonNode awaitHistory(UUID needId, int size) {
        JsonNode[] last = {null};
        await().atMost(WAIT).until(() -> {
            Http.Response r = http().get("/needs/" + needId + "/history");
            last[0] = r.status() == 200 ? r.json() : null;
            return last[0] != null && last[0].get("events").size() >= size;
        });
        return last[0];
    }

    private static List<String> types(JsonNode history) {
        return field(history, "eventType");
    }

    private static List<String> field(JsonNode history, String name) {
        List<String> out = new ArrayList<>();
        history.get("events")
                .forEach(e -> out.add(e.get(name).isNull() ? null : e.get(name).asText()));
        return out;
    }

    /** The match's score as the summary prints it. */
    private static String score(JsonNode match) {
        return String.format(java.util.Locale.ROOT, "%.2f", match.get("score").asDouble());
    }
}
