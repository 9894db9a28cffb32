package org.wushe.hub.bench.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.schemas.SchemaCatalog;

/**
 * Volunteers seeded in bulk for the high-rate profile: {@code POST /volunteers} registers a few thousand a minute on
 * two cores, too slow for the tens of thousands that steps of 1,000 needs/s and more use up. The seeder takes one
 * {@code VolunteerRegistered} that volunteer-service published (through its outbox) and writes copies of it straight
 * onto {@code wushe.volunteer.volunteer}: each with a new event id, volunteer id and time, a home cell of the station's
 * area and three skills drawn as {@link org.wushe.hub.bench.e2e.Place#registerVolunteers} draws them; the other
 * headers are the template's. matching-service cannot tell them from registered volunteers; volunteer-service has no
 * row for them, so it skips their proposals after one lookup (as it does for proposals of goods). They carry no
 * personal data, as no volunteer event does.
 */
final class VolunteerSeeder {

    static final String TOPIC = "wushe.volunteer.volunteer";

    private VolunteerSeeder() {}

    /** Writes {@code count} volunteers; returns the elapsed nanoseconds until the broker acknowledged the last. */
    static long seed(String bootstrap, List<String> cells, int count) throws Exception {
        AvroTrust.install(); // the generated builders copy nested records (Place), which Avro 1.12 allows for trusted
        // classes only
        AvroEventCodec codec = new AvroEventCodec(SchemaCatalog.load());
        ConsumerRecord<byte[], byte[]> template = template(bootstrap);
        VolunteerRegistered base = (VolunteerRegistered) codec.decode(template.value());
        List<Skill> skills = new ArrayList<>(List.of(Skill.values()));
        Random random = new Random(20261206L);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-e2e-volunteer-seeder");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long began = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                UUID eventId = UUID.randomUUID();
                UUID volunteerId = UUID.randomUUID();
                Instant now = Instant.now();
                Collections.shuffle(skills, random);
                Place home = Place.newBuilder(base.getHomeArea())
                        .setGeohash(cells.get(i % cells.size()))
                        .build();
                VolunteerRegistered v = VolunteerRegistered.newBuilder(base)
                        .setEventId(eventId)
                        .setVolunteerId(volunteerId)
                        .setOccurredAt(now)
                        .setHomeArea(home)
                        .setSkills(List.copyOf(skills.subList(0, 3)))
                        .setYoungOld(i % 4 == 0)
                        .setInHardship(false)
                        .build();
                RecordHeaders headers = new RecordHeaders();
                for (Header h : template.headers()) {
                    String value = switch (h.key()) {
                        case "eventId", "ce_id" -> eventId.toString();
                        case "occurredAt", "ce_time" -> now.toString();
                        case "ce_subject" -> volunteerId.toString();
                        case "traceparent" -> null;
                        default -> new String(h.value(), StandardCharsets.UTF_8);
                    };
                    if (value != null) {
                        headers.add(h.key(), value.getBytes(StandardCharsets.UTF_8));
                    }
                }
                producer.send(new ProducerRecord<>(
                        TOPIC,
                        null,
                        volunteerId.toString().getBytes(StandardCharsets.UTF_8),
                        codec.encode(v),
                        headers));
            }
            producer.flush();
        }
        return System.nanoTime() - began;
    }

    /** The first VolunteerRegistered on the topic, as volunteer-service's relay published it. */
    private static ConsumerRecord<byte[], byte[]> template(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-e2e-volunteer-template");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : c.partitionsFor(TOPIC, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(TOPIC, info.partition()));
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    Header type = r.headers().lastHeader("eventType");
                    if (type != null
                            && new String(type.value(), StandardCharsets.UTF_8).equals("VolunteerRegistered")) {
                        return r;
                    }
                }
            }
        }
        throw new BenchmarkFailure(
                "no VolunteerRegistered on " + TOPIC + " within 60 s to copy for the seeded volunteers");
    }
}
