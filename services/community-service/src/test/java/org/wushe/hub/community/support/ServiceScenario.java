package org.wushe.hub.community.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.community.CommunityServiceApplication;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * The community service running on the real embedded stack (PostgreSQL, Kafka, Debezium with the
 * shipped connector), called over HTTP, its events read from Kafka. One Spring context for every
 * scenario class that extends this.
 */
@SpringBootTest(
        classes = CommunityServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wushe.community.maintenance-interval=PT1H", "wushe.community.import.chunk-size=500"})
public abstract class ServiceScenario {

    /** The test's own resident data key; the repository holds none. */
    public static final String RESIDENT_KEY = randomKey();

    public static final Duration WAIT = Duration.ofSeconds(60);
    /** Who registers the residents of {@link #registerResident}: community staff of the resident's community. */
    public static final String REGISTRAR = "sw-li";

    private static final AtomicInteger NAMES = new AtomicInteger();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry, "community");
        registry.add("wushe.community.resident-key", () -> RESIDENT_KEY);
    }

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected AvroEventCodec codec;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MeterRegistry meters;

    /** The service called as the hub admin ({@link TestTokens#admin()}). */
    protected Http http() {
        return new Http(port);
    }

    /** The service called with {@code token}. */
    protected Http as(String token) {
        return http().as(token);
    }

    /** A token of {@code subject}, staff of {@code community} ({@code community_staff}, {@code community_id}). */
    protected static String communityStaff(String subject, UUID community) {
        return TestTokens.token(subject, Roles.COMMUNITY_STAFF, Roles.COMMUNITY_ID, community);
    }

    /** A token of {@code subject}, staff of {@code station} ({@code station_staff}, {@code station_id}). */
    protected static String stationStaff(String subject, UUID station) {
        return TestTokens.token(subject, Roles.STATION_STAFF, Roles.STATION_ID, station);
    }

    /** A name no other scenario of this JVM uses (communities and stations are unique per district). */
    protected static String unique(String name) {
        return name + NAMES.incrementAndGet() + "-" + Integer.toString((int) (Math.random() * 1_000_000), 36);
    }

    /** A start some days ahead, on the hour, so that nothing expires while the tests run. */
    protected static Instant daysAhead(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    // ---- fixtures over the API --------------------------------------------------------------------

    protected JsonNode registerCommunity(String name, String kind) {
        Http.Response r = http().post(
                        "/communities",
                        Http.map(
                                "name",
                                name,
                                "kind",
                                kind,
                                "districtCode",
                                "110112",
                                "streetCode",
                                "110112104",
                                "geohash",
                                "wx4g0bm9k",
                                "gridCount",
                                4,
                                "householdCount",
                                812,
                                "residentCount",
                                1730));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    protected JsonNode registerStation(Map<String, Object> body) {
        Http.Response r = http().post("/stations", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    /** A community with one community station serving it. */
    protected record Place(UUID community, UUID station, String communityName, String stationName) {}

    protected Place communityWithStation() {
        String name = unique("大稿村");
        UUID community =
                UUID.fromString(registerCommunity(name, "RURAL").get("id").asText());
        String stationName = name + "社会工作服务站";
        UUID station = UUID.fromString(registerStation(Http.map(
                        "name", stationName, "level", "COMMUNITY_STATION", "communityId", community.toString()))
                .get("id")
                .asText());
        return new Place(community, station, name, stationName);
    }

    protected UUID registerGrid(UUID community, String name) {
        Http.Response r = http().post(
                        "/communities/" + community + "/grids",
                        Http.map(
                                "name",
                                name,
                                "buildings",
                                12,
                                "stairwells",
                                55,
                                "households",
                                812,
                                "residents",
                                1730,
                                "geohash",
                                "wx4g0c"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asText());
    }

    /** Registered by {@value #REGISTRAR}, staff of the community. */
    protected JsonNode registerResident(UUID community, People.Person p, String number, String... flags) {
        Http.Response r = as(communityStaff(REGISTRAR, community))
                .post(
                        "/residents",
                        Http.map(
                                "communityId",
                                community.toString(),
                                "residentNumber",
                                number,
                                "name",
                                p.name(),
                                "phone",
                                p.phone(),
                                "idNumber",
                                p.idNumber(),
                                "address",
                                p.address(),
                                "flags",
                                List.of(flags)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    protected Map<String, Object> need(Place place, Object... overrides) {
        Instant start = daysAhead(3);
        Map<String, Object> body = Http.map(
                "communityId",
                place.community().toString(),
                "stationId",
                place.station().toString(),
                "category",
                "HOME_REPAIR",
                "urgency",
                "IMMEDIATE",
                "beneficiaryGroup",
                "VERY_OLD",
                "title",
                "门锁损坏需维修 door lock broken",
                "start",
                start.toString(),
                "end",
                start.plus(2, ChronoUnit.HOURS).toString(),
                "requiredSkills",
                List.of("HOME_REPAIR"),
                "estimatedMinutes",
                60);
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                body.remove((String) overrides[i]);
            } else {
                body.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return body;
    }

    protected JsonNode publishNeed(Map<String, Object> body) {
        Http.Response r = http().post("/needs", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    // ---- events on Kafka ---------------------------------------------------------------------------

    /** Waits until at least {@code count} events keyed {@code key} are on the aggregate's topic; decoded, in order. */
    protected List<SpecificRecord> events(Aggregate aggregate, String key, int count) {
        return TopicReader.readUntil(
                        TestStack.bootstrapServers(),
                        aggregate.topic(),
                        r -> key.equals(r.key()),
                        kept -> kept.size() >= count,
                        WAIT)
                .stream()
                .map(r -> codec.decode(r.value()))
                .toList();
    }

    /** Every record on the aggregate's topic whose key is among {@code keys}, once {@code done} holds. */
    protected List<ConsumerRecord<String, byte[]>> records(
            Aggregate aggregate, Set<String> keys, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        return TopicReader.readUntil(
                TestStack.bootstrapServers(), aggregate.topic(), r -> keys.contains(r.key()), done, WAIT);
    }

    /**
     * Every record on {@code topic} that {@code keep} accepts, from its start up to its end as it is now:
     * to show that something is not there (e.g. a dead letter), once what came after it was processed.
     */
    protected static List<ConsumerRecord<String, byte[]>> recordsSoFar(
            String topic, Predicate<ConsumerRecord<String, byte[]>> keep) {
        List<ConsumerRecord<String, byte[]>> kept = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestStack.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-reader-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            await().atMost(WAIT)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                            if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) && keep.test(r)) {
                                kept.add(r);
                            }
                        }
                        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                    });
        }
        return kept;
    }

    protected static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Waits until this service's consumers have processed the event (its id is recorded with the change it caused). */
    protected void awaitProcessed(UUID eventId) {
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_event WHERE consumer = 'community-service' "
                                        + "AND event_id = ?",
                                Integer.class,
                                eventId)
                        == 1);
    }

    protected double counter(String name, String... tags) {
        Counter c = meters.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
