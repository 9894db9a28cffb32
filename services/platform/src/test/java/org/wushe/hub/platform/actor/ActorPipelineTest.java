package org.wushe.hub.platform.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.stack.ConnectorConfig;
import org.wushe.hub.stack.LocalStack;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.testing.TopicReader;

/**
 * Who acted travels with every event, over the real pipeline: HTTP request → outbox column →
 * Debezium's outbox router (the shipped connector configuration) → Kafka header {@code actor} →
 * the consumer's envelope; an inbound handler writes as {@code system:<consumer>}; a scheduled job
 * runs as {@code system:<service>}.
 */
@SpringBootTest(
        classes = ActorTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=actor-test-service",
            "spring.flyway.locations=classpath:db/pipeline-test",
            "spring.cloud.function.definition=needs",
            "spring.cloud.stream.bindings.needs-in-0.destination=wushe.community.need",
            "spring.cloud.stream.bindings.needs-in-0.group=" + ActorTestApplication.CONSUMER
        })
class ActorPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry, "community");
    }

    @Autowired
    Environment env;

    @Autowired
    AvroEventCodec codec;

    @Autowired
    TaskScheduler scheduler;

    @Test
    void anEventWrittenInARequestCarriesTheRequestsActorAndOneWrittenByAHandlerCarriesTheConsumer() {
        UUID need = UUID.randomUUID();

        // The header naming someone else is not read: the verified token's subject is the actor.
        Http.Response r =
                http().as(TestTokens.admin("staff-li")).post("/needs/" + need, "", "X-Wushe-Actor", "someone-else");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> records = recordsOf(need);
        assertThat(records)
                .extracting(x -> header(x, EventHeaders.EVENT_TYPE))
                .containsExactly("NeedPublished", "NeedClosed");
        assertThat(header(records.get(0), EventHeaders.ACTOR)).isEqualTo("staff-li");
        assertThat(header(records.get(1), EventHeaders.ACTOR)).isEqualTo("system:" + ActorTestApplication.CONSUMER);
        assertThat(ActorTestApplication.SEEN_ACTOR.get(need)).contains("staff-li");
    }

    @Test
    void aRequestWithoutATokenIsRefusedWith401AndWritesNothing() {
        UUID need = UUID.randomUUID();

        Http.Response r = http().anonymous().post("/needs/" + need, "", "X-Wushe-Actor", "staff-li");

        assertThat(r.status()).as(r.text()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.problemField()).isEqualTo("Authorization");
        assertThat(ActorTestApplication.MINE).doesNotContain(need);
    }

    @Test
    void aTokenWhoseSubjectIsNoAccountIdIsRefusedWithAProblemNamingSubAndNothingIsWritten() {
        for (String bad : List.of("system:matching-service", "has space", "x".repeat(65), "<script>")) {
            UUID need = UUID.randomUUID();
            Http.Response r = http().as(TestTokens.admin(bad)).post("/needs/" + need, "");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.problemField()).isEqualTo("sub");
            assertThat(ActorTestApplication.MINE).doesNotContain(need);
        }
    }

    @Test
    void aScheduledJobActsAsTheService() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        scheduler.schedule(() -> seen.complete(String.valueOf(Actor.currentOrNull())), Instant.now());
        assertThat(seen.get(30, TimeUnit.SECONDS)).isEqualTo("system:actor-test-service");
    }

    @Test
    void everyShippedConnectorCarriesTheActorColumnAsAHeaderBesideTheEnvelopeHeaders() {
        for (ConnectorConfig c : LocalStack.shippedConnectors()) {
            assertThat(List.of(c.get("transforms.outbox.table.fields.additional.placement")
                            .split(",")))
                    .as(c.name())
                    .contains(
                            "actor:header:actor",
                            "id:header:eventId",
                            "type:header:eventType",
                            "occurredat:header:occurredAt",
                            "traceparent:header:traceparent",
                            "aggregatetype:header:aggregateType");
            // Rows of an outbox not yet migrated to the actor column pass without the header.
            assertThat(c.get("transforms.outbox.table.field.additional.missing"))
                    .as(c.name())
                    .isEqualTo("ignore");
        }
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(UUID need) {
        return TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.NEED.topic(),
                x -> need.toString().equals(x.key()),
                kept -> kept.size() >= 2,
                WAIT);
    }

    private Http http() {
        return new Http(Integer.parseInt(env.getProperty("local.server.port")));
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
