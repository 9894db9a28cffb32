package org.wushe.hub.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning with a plain KafkaConsumer, to see exactly what is on the wire. */
public final class TopicReader {

    private TopicReader() {}

    /**
     * Polls {@code topic} from its start, keeping the records {@code keep} accepts, until {@code done}
     * holds for what was kept (or the timeout fails the test).
     */
    public static List<ConsumerRecord<String, byte[]>> readUntil(
            String bootstrap,
            String topic,
            Predicate<ConsumerRecord<String, byte[]>> keep,
            Predicate<List<ConsumerRecord<String, byte[]>>> done,
            Duration timeout) {
        List<ConsumerRecord<String, byte[]>> kept = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                            if (keep.test(r)) {
                                kept.add(r);
                            }
                        }
                        return done.test(kept);
                    });
        }
        return kept;
    }
}
