package org.wushe.hub.socialworker.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.wushe.hub.events.common.Availability;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;

/** A record on the volunteer topic that is not an event goes to its dead-letter topic with the reason; the next one is counted. */
class UndecodableVolunteerEventTest extends ServiceScenario {

    @Test
    void aRecordThatIsNotAvroIsDeadLetteredAndTheConsumerGoesOn() {
        UUID poisoned = UUID.randomUUID();
        byte[] poison = "{\"volunteer\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(Aggregate.VOLUNTEER.topic(), poisoned.toString(), poison);
            record.headers()
                    .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
        AvroTrust.install();
        UUID next = UUID.randomUUID();
        Upstream.volunteer(codec)
                .publish(
                        Aggregate.VOLUNTEER,
                        next,
                        VolunteerRegistered.newBuilder()
                                .setEventId(UUID.randomUUID())
                                .setOccurredAt(Instant.now())
                                .setVolunteerId(next)
                                .setCommunityId(UUID.randomUUID())
                                .setHomeArea(Place.newBuilder()
                                        .setDistrictCode(DISTRICT)
                                        .build())
                                .setAvailability(Availability.newBuilder().build())
                                .build());

        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM volunteer_registration WHERE volunteer_id = ?",
                                Integer.class,
                                next)
                        == 1);
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.VOLUNTEER.deadLetterTopic(),
                // The activities' binding reads the topic in a group of its own and dead-letters the record too.
                r -> poisoned.toString().equals(r.key())
                        && r.headers().lastHeader("kafka_dlt-original-consumer-group") != null
                        && "social-worker-service"
                                .equals(new String(
                                        r.headers()
                                                .lastHeader("kafka_dlt-original-consumer-group")
                                                .value(),
                                        StandardCharsets.UTF_8)),
                kept -> !kept.isEmpty(),
                WAIT);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(poison);
        assertThat(new String(
                        dead.get(0)
                                .headers()
                                .lastHeader(EventHeaders.DEAD_LETTER_REASON)
                                .value(),
                        StandardCharsets.UTF_8))
                .startsWith("UndecodableEventException")
                .contains("magic");
    }
}
