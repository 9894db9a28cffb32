package org.wushe.hub.notification.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.wushe.hub.notification.support.Events;
import org.wushe.hub.notification.support.ServiceScenario;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;

/** A record on the match topic that is not an event goes to its dead-letter topic with the reason; the next one is handled. */
class PoisonRecordTest extends ServiceScenario {

    @Test
    void aRecordThatIsNotAvroIsDeadLetteredAndTheNextEventStillNotifies() {
        UUID poisoned = UUID.randomUUID();
        byte[] poison = "{\"match\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(Aggregate.MATCH.topic(), poisoned.toString(), poison);
            record.headers()
                    .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
        UUID match = UUID.randomUUID();
        UUID volunteer = UUID.randomUUID();
        publish(Aggregate.MATCH, match, Events.accepted(match, UUID.randomUUID(), volunteer, null));

        notificationOf("volunteer", volunteer, "ASSIGNMENT");
        assertThat(inbox(asVolunteer(volunteer), "ASSIGNMENT")
                        .get(0)
                        .get("body")
                        .asText())
                .contains("时间待定");
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.MATCH.deadLetterTopic(),
                r -> poisoned.toString().equals(r.key()),
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
                .startsWith("UndecodableEventException");
    }
}
