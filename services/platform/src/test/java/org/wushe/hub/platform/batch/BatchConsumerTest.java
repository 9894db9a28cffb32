package org.wushe.hub.platform.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.platform.testing.NeedEvents;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.stack.EmbeddedDatabase;
import org.wushe.hub.stack.LocalStack;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.testing.TopicReader;

/**
 * The platform's batch consumer ({@code InboundEvents.batchConsumer}) on real Kafka and PostgreSQL: the
 * records of one test are sent in one producer batch to one partition, so that one poll delivers them
 * together, as {@link BatchTestApplication#runSizes} shows.
 */
@SpringBootTest(
        classes = BatchTestApplication.class,
        properties = {
            "spring.flyway.locations=classpath:db/batch-test",
            "spring.cloud.function.definition=batchNeeds",
            "spring.cloud.stream.bindings.batchNeeds-in-0.destination=wushe.community.station",
            "spring.cloud.stream.bindings.batchNeeds-in-0.group=" + BatchTestApplication.CONSUMER,
            "spring.cloud.stream.bindings.batchNeeds-in-0.consumer.batch-mode=true",
            "spring.cloud.stream.bindings.batchNeeds-in-0.consumer.use-native-decoding=true"
        })
class BatchConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = Aggregate.STATION.topic();
    private static final String SCHEMA = "inbox_batch_test";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        LocalStack s = TestStack.get();
        Map.of(
                        "spring.datasource.url",
                        s.database().jdbcUrl() + "?currentSchema=" + SCHEMA,
                        "spring.datasource.username",
                        EmbeddedDatabase.USER,
                        "spring.datasource.password",
                        s.database().password(),
                        "spring.flyway.schemas",
                        SCHEMA,
                        "spring.kafka.bootstrap-servers",
                        s.kafka().bootstrapServers(),
                        "spring.cloud.stream.kafka.binder.brokers",
                        s.kafka().bootstrapServers(),
                        "spring.security.oauth2.resourceserver.jwt.public-key-location",
                        TestTokens.publicKeyLocation())
                .forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AvroEventCodec codec;

    @Autowired
    MeterRegistry meters;

    @Autowired
    List<Integer> runSizes;

    @Test
    void aDuplicateEventIdInOneBatchIsHandledOnce() {
        UUID need = UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(record(need, "need #" + i));
        }
        records.add(2, copy(records.get(0))); // the first event again, in the middle of the same batch
        int runsBefore = runSizes.size();

        send(records);

        await().atMost(WAIT).until(() -> handled(need).size() == 5);
        assertThat(handled(need)).containsExactly("need #0", "need #1", "need #2", "need #3", "need #4");
        assertThat(runSizes.subList(runsBefore, runSizes.size()))
                .as("the five new events came in one batch, in one run")
                .containsExactly(5);
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchGoesToTheDeadLetterTopicAndTheOthersAreKept() {
        UUID need = UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(record(need, i == 2 ? BatchTestApplication.POISON + " #2" : "need #" + i));
        }
        double deadBefore = deadLetters();

        send(records);

        await().atMost(WAIT).until(() -> handled(need).size() == 4);
        List<ConsumerRecord<String, byte[]>> dead = deadLettersOf(need);
        assertThat(handled(need)).containsExactly("need #0", "need #1", "need #3", "need #4");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(records.get(2).value());
        assertThat(header(dead.get(0), EventHeaders.DEAD_LETTER_REASON))
                .isEqualTo("IllegalArgumentException: need " + need + " is poison");
        assertThat(deadLetters() - deadBefore).isEqualTo(1.0);
    }

    @Test
    void anUndecodableRecordInTheMiddleOfABatchGoesToTheDeadLetterTopicAndTheRestIsHandled() {
        UUID need = UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(record(need, "need #" + i));
        }
        byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> bad = new ProducerRecord<>(TOPIC, need.toString(), garbage);
        bad.headers().add(EventHeaders.EVENT_ID, bytes(UUID.randomUUID().toString()));
        records.add(1, bad);

        send(records);

        await().atMost(WAIT).until(() -> handled(need).size() == 4);
        List<ConsumerRecord<String, byte[]>> dead = deadLettersOf(need);
        assertThat(handled(need)).containsExactly("need #0", "need #1", "need #2", "need #3");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(header(dead.get(0), EventHeaders.DEAD_LETTER_REASON)).startsWith("UndecodableEventException");
    }

    @Test
    void aWholeBatchDeliveredAgainChangesNothing() {
        UUID need = UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(record(need, "need #" + i));
        }
        send(records);
        await().atMost(WAIT).until(() -> handled(need).size() == 6);
        double duplicatesBefore = count("duplicate");

        List<ProducerRecord<String, byte[]>> again = new ArrayList<>();
        records.forEach(r -> again.add(copy(r)));
        again.add(record(need, "marker"));
        send(again);

        await().atMost(WAIT).until(() -> handled(need).contains("marker"));
        assertThat(handled(need))
                .containsExactly("need #0", "need #1", "need #2", "need #3", "need #4", "need #5", "marker");
        assertThat(count("duplicate") - duplicatesBefore).isEqualTo(6.0);
    }

    private ProducerRecord<String, byte[]> record(UUID need, String title) {
        NeedPublished template = NeedEvents.needPublished(need, 1);
        NeedPublished event = NeedPublished.newBuilder(template)
                .setDetails(NeedDetails.newBuilder(template.getDetails())
                        .setTitle(title)
                        .build())
                .build();
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, need.toString(), codec.encode(event));
        r.headers().add(EventHeaders.EVENT_ID, bytes(UUID.randomUUID().toString()));
        r.headers().add(EventHeaders.EVENT_TYPE, bytes("NeedPublished"));
        r.headers().add(EventHeaders.AGGREGATE_TYPE, bytes("need"));
        r.headers().add(EventHeaders.OCCURRED_AT, bytes(Instant.now().toString()));
        return r;
    }

    private static ProducerRecord<String, byte[]> copy(ProducerRecord<String, byte[]> r) {
        return new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers());
    }

    /** One producer batch: the records land together on the key's partition and are fetched together. */
    private static void send(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestStack.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        "1000"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** The dead letters of the need's records, once there is one. */
    private static List<ConsumerRecord<String, byte[]>> deadLettersOf(UUID need) {
        return TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.STATION.deadLetterTopic(),
                r -> need.toString().equals(r.key()),
                kept -> !kept.isEmpty(),
                WAIT);
    }

    private List<String> handled(UUID need) {
        return jdbc.queryForList(
                "SELECT title FROM batch_handled_event WHERE need_id = ? ORDER BY seq", String.class, need);
    }

    private double deadLetters() {
        var counter = meters.find("wushe.dead.letters")
                .tags("topic", TOPIC, "group", BatchTestApplication.CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double count(String outcome) {
        var counter = meters.find("wushe.inbound.events")
                .tags("consumer", BatchTestApplication.CONSUMER, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
