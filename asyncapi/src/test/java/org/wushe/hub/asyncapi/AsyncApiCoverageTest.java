package org.wushe.hub.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.events.Aggregate;

/**
 * The AsyncAPI document the build validated and rendered (target/asyncapi/asyncapi.json) lists every topic of the
 * catalogue and its dead-letter topic, and on both every event type: each Avro schema of {@code schemas/} outside
 * {@code common/} (so a schema that no topic carries fails too), with the CloudEvents headers.
 */
class AsyncApiCoverageTest {

    static final Path DOCUMENT = Path.of("target/asyncapi/asyncapi.json");
    static final Path PAGE = Path.of("target/classes/META-INF/resources/asyncapi/index.html");
    static final Path AVRO = Path.of("../schemas/src/main/avro");

    @Test
    void theBuiltDocumentListsEveryTopicItsDeadLettersAndEveryEvent() throws IOException {
        JsonNode doc = AsyncApiGenerator.JSON.readTree(DOCUMENT.toFile());

        assertThat(missing(doc))
                .as("topics and events missing from %s", DOCUMENT)
                .isEmpty();
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @Test
    void theDocumentIsTheOneTheCatalogueAndSchemasMakeNow() throws IOException {
        JsonNode built = AsyncApiGenerator.JSON.readTree(DOCUMENT.toFile());
        JsonNode now = new AsyncApiGenerator(
                        Path.of(".."), built.path("info").path("version").asText())
                .document();

        assertThat(built)
                .as("target/asyncapi/asyncapi.json is stale: run the build")
                .isEqualTo(now);
    }

    @Test
    void aMissingTopicDeadLetterTopicOrEventIsNamed() throws IOException {
        ObjectNode doc = new AsyncApiGenerator(Path.of(".."), "test").document();
        ((ObjectNode) doc.get("channels")).remove("wushe.community.station");
        ((ObjectNode) doc.get("channels")).remove("wushe.resource.donor.dlt");
        ((ObjectNode) doc.get("channels").get("wushe.community.need").get("messages")).remove("NeedClosed");
        ((ObjectNode) doc.get("components")
                        .get("messages")
                        .get("MatchProposed")
                        .get("headers")
                        .get("properties"))
                .remove("ce_source");

        assertThat(missing(doc))
                .containsExactlyInAnyOrder(
                        "channel wushe.community.station", "channel wushe.resource.donor.dlt",
                        "message NeedClosed on wushe.community.need",
                                "header ce_source of MatchProposed on wushe.matching.match");
    }

    @Test
    void everyTopicHasItsPublisherAndTheConsumersOfItsBindings() throws IOException {
        JsonNode ops = AsyncApiGenerator.JSON.readTree(DOCUMENT.toFile()).get("operations");

        for (Aggregate a : Aggregate.values()) {
            assertThat(ops.properties().stream()
                            .filter(e -> e.getValue().path("action").asText().equals("send")
                                    && e.getValue()
                                            .path("channel")
                                            .path("$ref")
                                            .asText()
                                            .equals("#/channels/" + a.topic()))
                            .count())
                    .as("publishers of %s", a.topic())
                    .isEqualTo(1);
        }
        // From services/matching-service's application.yml: needs-in-0, group matching-service.
        assertThat(ops.get("matching-service.receives.wushe.community.need.needs-in-0")
                        .path("bindings")
                        .path("kafka")
                        .path("groupId")
                        .path("enum")
                        .get(0)
                        .asText())
                .isEqualTo("matching-service");
        // notification-service publishes nothing and reads two topics in group notification-service, each with its
        // dead letters.
        for (String consumed :
                List.of("wushe.matching.match.matchEvents-in-0", "wushe.volunteer.volunteer.volunteerEvents-in-0")) {
            JsonNode op = ops.get("notification-service.receives." + consumed);
            assertThat(op).as("notification-service receives " + consumed).isNotNull();
            assertThat(op.path("action").asText()).isEqualTo("receive");
            assertThat(op.path("bindings")
                            .path("kafka")
                            .path("groupId")
                            .path("enum")
                            .get(0)
                            .asText())
                    .isEqualTo("notification-service");
        }
        for (String topic : List.of("wushe.matching.match", "wushe.volunteer.volunteer")) {
            assertThat(ops.get("notification-service.dead-letters." + topic))
                    .as("notification-service's dead letters of " + topic)
                    .isNotNull();
        }
        assertThat(ops.properties().stream().filter(e -> e.getKey().startsWith("notification-service.sends.")))
                .isEmpty();
        assertThat(ops.get("community-service.sends.wushe.community.need")
                        .path("action")
                        .asText())
                .isEqualTo("send");
    }

    @Test
    void theRenderedPageShowsEveryTopic() throws IOException {
        String html = Files.readString(PAGE);

        for (Aggregate a : Aggregate.values()) {
            assertThat(html)
                    .as("the page %s names %s", PAGE, a.topic())
                    .contains(a.topic())
                    .contains(a.deadLetterTopic());
        }
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    }

    /** What the document lacks: channels (topic and dead letters), messages per event type, CloudEvents headers. */
    static List<String> missing(JsonNode doc) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> schemas = eventSchemas();
        List<String> carried = new ArrayList<>();
        for (Aggregate a : Aggregate.values()) {
            for (String topic : List.of(a.topic(), a.deadLetterTopic())) {
                JsonNode channel = doc.path("channels").path(topic);
                if (channel.isMissingNode()
                        || !topic.equals(channel.path("address").asText())) {
                    missing.add("channel " + topic);
                    continue;
                }
                for (var event : a.events()) {
                    String name = event.getSimpleName();
                    carried.add(name);
                    String ref =
                            channel.path("messages").path(name).path("$ref").asText();
                    JsonNode message = ref.isEmpty() ? null : doc.at(ref.substring(1));
                    if (message == null || message.isMissingNode()) {
                        missing.add("message " + name + " on " + topic);
                        continue;
                    }
                    for (String header : List.of(
                            "ce_id",
                            "ce_type",
                            "ce_source",
                            "ce_time",
                            "ce_specversion",
                            "ce_subject",
                            "eventId",
                            "eventType")) {
                        if (message.path("headers")
                                .path("properties")
                                .path(header)
                                .isMissingNode()) {
                            missing.add("header " + header + " of " + name + " on " + topic);
                        }
                    }
                }
            }
        }
        for (String schema : schemas) {
            if (!carried.contains(schema)) {
                missing.add("event " + schema + " (schemas/) on no topic of the catalogue");
            }
        }
        return missing;
    }

    /** Every record schema under schemas/src/main/avro/<party>/ (common/ holds shared types, not events). */
    static List<String> eventSchemas() throws IOException {
        try (Stream<Path> files = Files.walk(AVRO)) {
            return files.filter(f -> f.toString().endsWith(".avsc"))
                    .filter(f -> !f.getParent().getFileName().toString().equals("common"))
                    .map(f -> f.getFileName().toString().replaceFirst("\\.avsc$", ""))
                    .sorted()
                    .toList();
        }
    }
}
