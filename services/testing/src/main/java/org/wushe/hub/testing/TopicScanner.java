package org.wushe.hub.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every record of every hub topic ({@code wushe.*}) up to the current end offsets, so a test
 * can search keys, values and headers for what must never leave a service (a resident's name,
 * phone or ID number).
 */
public final class TopicScanner {

    private TopicScanner() {}

    /** A record reduced to what a search needs: where it is and its raw bytes as text. */
    public record ScannedRecord(String topic, int partition, long offset, String text) {}

    public static List<ScannedRecord> scanAll(String bootstrap) {
        Map<String, Object> common = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Set<String> topics;
        try (Admin admin = Admin.create(common)) {
            topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith("wushe."))
                    .collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
        }
        List<ScannedRecord> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "topic-scanner-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> e.getValue() == 0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read to the end of " + end.keySet());
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    found.add(new ScannedRecord(r.topic(), r.partition(), r.offset(), text(r)));
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return found;
    }

    /** The records whose key, value or headers contain any of the strings (as UTF-8). */
    public static List<ScannedRecord> containing(Collection<ScannedRecord> records, Collection<String> needles) {
        return records.stream()
                .filter(r -> needles.stream().anyMatch(r.text()::contains))
                .toList();
    }

    private static String text(ConsumerRecord<byte[], byte[]> r) {
        StringBuilder sb = new StringBuilder();
        if (r.key() != null) {
            sb.append(new String(r.key(), StandardCharsets.UTF_8)).append('\n');
        }
        if (r.value() != null) {
            sb.append(new String(r.value(), StandardCharsets.UTF_8)).append('\n');
        }
        for (Header h : r.headers()) {
            sb.append(h.key())
                    .append('=')
                    .append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8))
                    .append('\n');
        }
        return sb.toString();
    }
}
