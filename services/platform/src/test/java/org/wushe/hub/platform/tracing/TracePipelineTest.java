package org.wushe.hub.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace through the outbox on real parts: a request that names a trace (W3C {@code traceparent}) writes an
 * outbox row in a span of that trace, Debezium's router copies the row's traceparent into the record's header,
 * the consumer's handler runs in a child span of it, and the event the handler writes carries the same trace on;
 * the spans reach the JSON-lines trace file with their parents.
 */
@AutoConfigureTracing
@SpringBootTest(
        classes = TraceTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=trace-test-service",
            "spring.flyway.locations=classpath:db/pipeline-test",
            "spring.cloud.function.definition=needs",
            "spring.cloud.stream.bindings.needs-in-0.destination=wushe.community.need",
            "spring.cloud.stream.bindings.needs-in-0.group=" + TraceTestApplication.CONSUMER,
            "management.opentelemetry.tracing.export.schedule-delay=200ms"
        })
class TracePipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path TRACE_FILE = traceFile();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry, "community");
        registry.add("wushe.tracing.file", TRACE_FILE::toString);
    }

    @Autowired
    Environment env;

    @Test
    void theRequestsTraceGoesThroughTheOutboxAndKafkaIntoTheHandlerAndOnIntoTheEventItWrites() {
        String trace = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        UUID need = UUID.randomUUID();

        Http.Response r = http().as(TestTokens.admin("staff-li"))
                .post("/traced-needs/" + need, "", "traceparent", "00-" + trace + "-" + callerSpan + "-01");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.NEED.topic(),
                x -> need.toString().equals(x.key()),
                kept -> kept.size() >= 2,
                WAIT);
        assertThat(records)
                .extracting(x -> header(x, EventHeaders.EVENT_TYPE))
                .containsExactly("NeedPublished", "NeedClosed");
        String[] published = header(records.get(0), EventHeaders.TRACEPARENT).split("-");
        String[] closed = header(records.get(1), EventHeaders.TRACEPARENT).split("-");
        // Same trace all the way; each hop is a span of its own (the request's server span, then the handler's).
        assertThat(published[1]).isEqualTo(trace);
        assertThat(closed[1]).isEqualTo(trace);
        assertThat(published[2]).isNotEqualTo(callerSpan);
        assertThat(closed[2]).isNotEqualTo(published[2]);
        assertThat(TraceTestApplication.HANDLER_TRACEPARENT.get(need))
                .isEqualTo(header(records.get(1), EventHeaders.TRACEPARENT));
        // CloudEvents readers see the same ids in ce_* headers (set by the relay's router).
        assertThat(header(records.get(0), "ce_id")).isEqualTo(header(records.get(0), EventHeaders.EVENT_ID));

        // The trace file holds the server span (child of the caller's) and the handler's span (child of the server
        // span).
        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> spans = spansOf(trace);
            JsonNode server = spans.stream()
                    .filter(s -> s.path("kind").asString().equals("SERVER"))
                    .findFirst()
                    .orElseThrow();
            JsonNode handler = spans.stream()
                    .filter(s -> s.path("name").asString().equals(TraceTestApplication.CONSUMER + " NeedPublished"))
                    .findFirst()
                    .orElseThrow();
            assertThat(server.path("parentSpanId").asString()).isEqualTo(callerSpan);
            // The row was written in a span inside the request's (Spring Security's "secured request", say).
            assertThat(ancestors(spans, published[2]))
                    .contains(server.path("spanId").asString());
            assertThat(handler.path("parentSpanId").asString()).isEqualTo(published[2]);
            assertThat(handler.path("spanId").asString()).isEqualTo(closed[2]);
            assertThat(handler.path("kind").asString()).isEqualTo("CONSUMER");
            assertThat(handler.path("service").asString()).isEqualTo("trace-test-service");
            assertThat(handler.path("tags").path("wushe.event.id").asString())
                    .isEqualTo(header(records.get(0), EventHeaders.EVENT_ID));
        });
    }

    @Test
    void aRequestWithoutATraceStartsOneAndItsEventCarriesIt() {
        UUID need = UUID.randomUUID();

        Http.Response r = http().as(TestTokens.admin("staff-li")).post("/traced-needs/" + need, "");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.NEED.topic(),
                x -> need.toString().equals(x.key()),
                kept -> kept.size() >= 2,
                WAIT);
        String[] published = header(records.get(0), EventHeaders.TRACEPARENT).split("-");
        assertThat(published).hasSize(4);
        assertThat(published[1]).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(header(records.get(1), EventHeaders.TRACEPARENT)).contains(published[1]);
    }

    /** The span ids above {@code spanId} in the trace, nearest first. */
    private static List<String> ancestors(List<JsonNode> spans, String spanId) {
        java.util.Map<String, String> parent = new java.util.HashMap<>();
        spans.forEach(s ->
                parent.put(s.path("spanId").asString(), s.path("parentSpanId").asString(null)));
        assertThat(parent).as("span " + spanId + " in the trace file").containsKey(spanId);
        List<String> up = new java.util.ArrayList<>();
        for (String p = parent.get(spanId); p != null && up.size() < 50; p = parent.get(p)) {
            up.add(p);
        }
        return up;
    }

    private List<JsonNode> spansOf(String trace) throws IOException {
        if (!Files.exists(TRACE_FILE)) {
            return List.of();
        }
        JsonMapper json = JsonMapper.builder().build();
        return Files.readAllLines(TRACE_FILE).stream()
                .map(json::readTree)
                .filter(n -> n.path("traceId").asString().equals(trace))
                .toList();
    }

    private Http http() {
        return new Http(Integer.parseInt(env.getProperty("local.server.port")));
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros
        return b;
    }

    private static Path traceFile() {
        try {
            return Files.createTempDirectory("wushe-traces").resolve("spans.jsonl");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
