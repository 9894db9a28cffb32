package org.wushe.hub.platform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.testing.NeedEvents;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.stack.ConnectorConfig;
import org.wushe.hub.stack.LocalStack;
import org.wushe.hub.stack.OutboxCdc;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;

/**
 * The outbox pipeline end to end on real parts: PostgreSQL transaction → outbox row → Debezium
 * (pgoutput, outbox event router, the shipped connector configuration) → Kafka → Spring Cloud Stream
 * consumer with the platform's idempotent handling and dead-letter policy.
 */
@SpringBootTest(
        classes = PipelineTestApplication.class,
        properties = {
            "spring.flyway.locations=classpath:db/pipeline-test",
            "spring.cloud.function.definition=needs",
            "spring.cloud.stream.bindings.needs-in-0.destination=wushe.community.need",
            "spring.cloud.stream.bindings.needs-in-0.group=" + PipelineTestApplication.CONSUMER
        })
class OutboxPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = Aggregate.NEED.topic();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry, "community");
    }

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AvroEventCodec codec;

    @Autowired
    MeterRegistry meters;

    final LocalStack stack = TestStack.get();

    @Test
    void thousandEventsInTwoHundredTransactionsArriveExactlyOnceEachDecodedAndInOrderPerAggregate() {
        List<UUID> needs =
                IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID()).toList();
        Map<UUID, Integer> nextRevision = new HashMap<>();
        Map<UUID, NeedPublished> written = new HashMap<>();
        for (int t = 0; t < 200; t++) {
            List<OutboxWriter.Event> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                UUID need = needs.get((t * 5 + i * 7) % needs.size());
                NeedPublished event = NeedEvents.needPublished(need, nextRevision.merge(need, 1, Integer::sum));
                written.put(event.getEventId(), event);
                batch.add(new OutboxWriter.Event(Aggregate.NEED, need.toString(), event));
            }
            tx.executeWithoutResult(s -> outbox.publishAll(batch));
        }
        Set<String> keys = needs.stream().map(UUID::toString).collect(Collectors.toSet());

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                bootstrap(), TOPIC, r -> keys.contains(r.key()), kept -> kept.size() >= 1000, WAIT);

        Map<UUID, Long> copies = records.stream()
                .collect(
                        Collectors.groupingBy(r -> UUID.fromString(header(r, EventHeaders.ID)), Collectors.counting()));
        assertThat(copies)
                .hasSize(1000)
                .allSatisfy((id, n) -> assertThat(n).as("copies of %s", id).isEqualTo(1L));
        assertThat(copies.keySet()).isEqualTo(written.keySet());
        for (ConsumerRecord<String, byte[]> r : records) {
            NeedPublished decoded = (NeedPublished) codec.decode(r.value());
            assertThat(decoded).isEqualTo(written.get(decoded.getEventId()));
            assertThat(r.key()).isEqualTo(decoded.getNeedId().toString());
            assertThat(header(r, EventHeaders.EVENT_ID))
                    .isEqualTo(decoded.getEventId().toString());
            assertThat(header(r, EventHeaders.EVENT_TYPE)).isEqualTo("NeedPublished");
            assertThat(header(r, EventHeaders.AGGREGATE_TYPE)).isEqualTo("community.need");
            assertThat(header(r, EventHeaders.OCCURRED_AT)).isNotBlank();
        }
        Map<String, List<Integer>> revisionsByNeed = records.stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key,
                        Collectors.mapping(
                                r -> ((NeedPublished) codec.decode(r.value())).getRevision(), Collectors.toList())));
        revisionsByNeed.forEach((need, revisions) -> assertThat(revisions)
                .as("order of need %s", need)
                .isSorted()
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, revisions.size()).boxed().toList()));
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        UUID need = UUID.randomUUID();
        Set<UUID> rolledBack = new HashSet<>();
        tx.executeWithoutResult(status -> {
            for (int i = 1; i <= 5; i++) {
                rolledBack.add(outbox.publish(Aggregate.NEED, need.toString(), NeedEvents.needPublished(need, i))
                        .eventId());
            }
            status.setRollbackOnly();
        });
        // A committed event on the same key lands on the same partition after anything written before it.
        EventEnvelope committed =
                tx.execute(s -> outbox.publish(Aggregate.NEED, need.toString(), NeedEvents.needPublished(need, 6)));

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                bootstrap(),
                TOPIC,
                r -> r.key().equals(need.toString()),
                kept -> kept.stream()
                        .anyMatch(r -> header(r, EventHeaders.ID)
                                .equals(committed.eventId().toString())),
                WAIT);

        assertThat(records)
                .extracting(r -> UUID.fromString(header(r, EventHeaders.ID)))
                .containsExactly(committed.eventId());
        assertThat(rolledBack).hasSize(5).doesNotContain(committed.eventId());
    }

    @Test
    void stoppingTheConnectorMidwayLosesNothingAndTheConsumerDeduplicatesRedeliveries() throws Exception {
        List<UUID> needs =
                IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
        Set<UUID> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger committedTransactions = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            int[] revision = new int[needs.size()];
            for (int t = 0; t < 80; t++) {
                List<OutboxWriter.Event> batch = new ArrayList<>();
                for (int i = 0; i < needs.size(); i += 2) {
                    int n = (i + t) % needs.size();
                    batch.add(new OutboxWriter.Event(
                            Aggregate.NEED,
                            needs.get(n).toString(),
                            NeedEvents.needPublished(needs.get(n), ++revision[n])));
                }
                tx.executeWithoutResult(s -> outbox.publishAll(batch).forEach(e -> written.add(e.eventId())));
                committedTransactions.incrementAndGet();
            }
        });
        OutboxCdc cdc = TestStack.connector("community");
        await().atMost(WAIT).until(() -> committedTransactions.get() >= 20);
        cdc.stop();
        writer.get();
        assertThat(written).hasSize(400);
        cdc.start();

        Set<UUID> needIds = Set.copyOf(needs);
        await().atMost(WAIT).until(() -> handledEventIds(needIds).containsAll(written));

        // Redeliver every record of one need twice, verbatim, as a broker or connector replay would.
        String replayed = needs.get(0).toString();
        List<ConsumerRecord<String, byte[]>> onWire = TopicReader.readUntil(
                bootstrap(), TOPIC, r -> r.key().equals(replayed), kept -> kept.size() >= 40, WAIT);
        double duplicatesBefore = duplicateCount();
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            for (int copy = 0; copy < 2; copy++) {
                for (ConsumerRecord<String, byte[]> r : onWire) {
                    producer.send(new ProducerRecord<>(TOPIC, null, r.key(), r.value(), r.headers()));
                }
            }
        }
        EventEnvelope marker =
                tx.execute(s -> outbox.publish(Aggregate.NEED, replayed, NeedEvents.needPublished(needs.get(0), 1000)));
        await().atMost(WAIT).until(() -> handledEventIds(Set.of(needs.get(0))).contains(marker.eventId()));

        assertThat(duplicateCount() - duplicatesBefore).isGreaterThanOrEqualTo(2.0 * onWire.size());
        Integer rows = jdbc.queryForObject(
                "SELECT count(*) FROM handled_event WHERE need_id = ANY (?)", Integer.class, (Object)
                        needIds.toArray(UUID[]::new));
        Integer distinct = jdbc.queryForObject(
                "SELECT count(DISTINCT event_id) FROM handled_event WHERE need_id = ANY (?)", Integer.class, (Object)
                        needIds.toArray(UUID[]::new));
        assertThat(rows).isEqualTo(distinct).isEqualTo(401);
    }

    @Test
    void aRecordThatIsNotAvroGoesToTheDeadLetterTopicWithTheReasonAndTheConsumerGoesOn() {
        UUID need = UUID.randomUUID();
        // Registered at zero when the binding started (the alert on dead-letter growth needs the series from the
        // start).
        var deadLetters = meters.find("wushe.dead.letters")
                .tags("topic", TOPIC, "group", PipelineTestApplication.CONSUMER)
                .counter();
        assertThat(deadLetters).as("wushe.dead.letters of " + TOPIC).isNotNull();
        double deadBefore = deadLetters.count();
        byte[] poison = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, need.toString(), poison);
            record.headers()
                    .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
        EventEnvelope next =
                tx.execute(s -> outbox.publish(Aggregate.NEED, need.toString(), NeedEvents.needPublished(need, 1)));

        await().atMost(WAIT).until(() -> handledEventIds(Set.of(need)).contains(next.eventId()));
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(
                bootstrap(),
                Aggregate.NEED.deadLetterTopic(),
                r -> need.toString().equals(r.key()),
                kept -> !kept.isEmpty(),
                WAIT);

        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(poison);
        assertThat(header(dead.get(0), EventHeaders.DEAD_LETTER_REASON))
                .startsWith("UndecodableEventException")
                .contains("magic");
        assertThat(header(dead.get(0), "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(deadLetters.count() - deadBefore).isEqualTo(1.0);
    }

    @Test
    void everyTopicOfTheCatalogueExistsWithTheConnectorsPartitionCountAndADeadLetterTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            List<String> names = new ArrayList<>();
            for (Aggregate a : Aggregate.values()) {
                names.add(a.topic());
                names.add(a.deadLetterTopic());
            }
            Map<String, TopicDescription> topics =
                    admin.describeTopics(names).allTopicNames().get();

            int connectorPartitions = Integer.parseInt(ConnectorConfig.fromClasspath("connect/community-service.json")
                    .get("topic.creation.default.partitions"));
            assertThat(topics).containsOnlyKeys(names);
            for (Aggregate a : Aggregate.values()) {
                assertThat(topics.get(a.topic()).partitions()).as(a.topic()).hasSize(connectorPartitions);
            }
        }
    }

    private Set<UUID> handledEventIds(Set<UUID> needIds) {
        return new HashSet<>(
                jdbc.queryForList("SELECT event_id FROM handled_event WHERE need_id = ANY (?)", UUID.class, (Object)
                        needIds.toArray(UUID[]::new)));
    }

    private double duplicateCount() {
        var counter = meters.find("wushe.inbound.events")
                .tags("consumer", PipelineTestApplication.CONSUMER, "outcome", "duplicate")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private String bootstrap() {
        return stack.kafka().bootstrapServers();
    }

    private KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
