package org.wushe.hub.socialworker.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.community.StationLevel;
import org.wushe.hub.events.community.StationRegistered;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.socialworker.SocialWorkerServiceApplication;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * The social worker service running on the real embedded stack (PostgreSQL, Kafka, Debezium with the
 * shipped connector {@code deploy/connect/social-worker-service.json}), called over HTTP, its events read
 * from Kafka. Stations arrive as the community service would send them: StationRegistered written to a
 * {@code community.outbox} and carried by the community connector. One Spring context for every
 * scenario class that extends this.
 */
@SpringBootTest(
        classes = SocialWorkerServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceScenario {

    public static final Duration WAIT = Duration.ofSeconds(60);
    /** Tongzhou district, Liyuan town. */
    public static final String DISTRICT = "110112";

    public static final String STREET = "110112104";
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** The notes key of the tests (base64 of 32 bytes). */
    public static final String NOTES_KEY = "c29jaWFsLXdvcmtlci1ub3Rlcy10ZXN0LWtleS0zMmI=";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry, "socialworker");
        registry.add("wushe.socialworker.notes-key", () -> NOTES_KEY);
    }

    /** The query parameter stating why notes are read (logged with each read). */
    protected static String reason(String why) {
        return "reason=" + java.net.URLEncoder.encode(why, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected AvroEventCodec codec;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MeterRegistry meters;

    protected Http http() {
        return new Http(port);
    }

    /** The service called by the social worker {@code worker} (their token's social_worker_id). */
    protected Http asWorker(UUID worker) {
        return http().as(TestTokens.token("sw-" + worker, Roles.SOCIAL_WORKER, Roles.SOCIAL_WORKER_ID, worker));
    }

    /** The service called by a manager of the centre {@code centre} (their token's centre_id). */
    protected Http asCentreManager(UUID centre) {
        return http().as(TestTokens.token("cm-" + centre, Roles.CENTRE_MANAGER, Roles.CENTRE_ID, centre));
    }

    protected static String unique(String name) {
        return name + NAMES.incrementAndGet() + "-"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
    }

    protected static LocalDate today() {
        return LocalDate.now(Calendar.ZONE);
    }

    // ---- stations, as the community service announces them -----------------------------------------

    /** A station known to this service: its id and the communities it serves (the host first). */
    protected record KnownStation(UUID id, UUID community, List<UUID> communities) {}

    /** A community station hosted by a new community, under {@code parent} (may be null), known here once this returns. */
    protected KnownStation communityStation(UUID parent, UUID... alsoServed) {
        UUID community = UUID.randomUUID();
        List<UUID> served = new ArrayList<>(List.of(community));
        served.addAll(List.of(alsoServed));
        return announce(StationLevel.COMMUNITY_STATION, parent, community, served);
    }

    /** A street/town centre (社会工作服务中心) serving no community of its own. */
    protected KnownStation streetCentre() {
        return announce(StationLevel.STREET_CENTRE, null, null, List.of());
    }

    private KnownStation announce(StationLevel level, UUID parent, UUID community, List<UUID> served) {
        AvroTrust.install();
        UUID id = UUID.randomUUID();
        StationRegistered event = StationRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setStationId(id)
                .setName(unique("梨园镇社会工作服务站"))
                .setLevel(level)
                .setParentStationId(parent)
                .setCommunityId(community)
                .setServedCommunityIds(served)
                .setPlace(Place.newBuilder()
                        .setDistrictCode(DISTRICT)
                        .setStreetCode(STREET)
                        .setCommunityId(community)
                        .setGeohash("wx4g0b")
                        .setLatitude(39.91)
                        .setLongitude(116.41)
                        .build())
                .build();
        Upstream.community(codec).publish(Aggregate.STATION, id, event);
        await().atMost(WAIT).until(() -> http().get("/stations/" + id).status() == 200);
        return new KnownStation(id, community, List.copyOf(served));
    }

    // ---- workers over the API ------------------------------------------------------------------------

    protected Map<String, Object> worker(KnownStation station, Object... overrides) {
        Map<String, Object> body = Http.map(
                "name",
                unique("李社工"),
                "employment",
                "FULL_TIME",
                "certificationLevel",
                "NONE",
                "stationId",
                station == null ? null : station.id().toString(),
                "trainedLocally",
                true,
                "skills",
                List.of("SOCIAL_WORK", "ELDER_CARE"),
                "languages",
                List.of("en"));
        return override(body, overrides);
    }

    protected JsonNode register(Map<String, Object> body) {
        Http.Response r = http().post("/social-workers", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    protected UUID workerAt(KnownStation station, Object... overrides) {
        return UUID.fromString(register(worker(station, overrides)).get("id").asText());
    }

    /** A worker holding the intermediate certificate (社会工作师), who may supervise. */
    protected UUID supervisorAt(KnownStation station) {
        return workerAt(station, "certificationLevel", "INTERMEDIATE", "certifiedOn", "2019-11-20");
    }

    protected static Map<String, Object> override(Map<String, Object> body, Object... overrides) {
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                body.remove((String) overrides[i]);
            } else {
                body.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return body;
    }

    // ---- work over the API -----------------------------------------------------------------------------

    protected void visit(
            UUID worker, KnownStation station, String kind, String outcome, Instant at, Map<String, Object> need) {
        Http.Response r = http().post(
                        "/visits",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                UUID.randomUUID().toString(),
                                "communityId",
                                station.community().toString(),
                                "kind",
                                kind,
                                "outcome",
                                outcome,
                                "visitedAt",
                                at.toString(),
                                "raisedNeed",
                                need));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    /** A case of the worker's station, opened on the day, closed on the other if given. */
    protected void caseOf(UUID worker, String openedOn, String closedOn) {
        Http.Response r = http().post(
                        "/cases",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                UUID.randomUUID().toString(),
                                "category",
                                "COMPANIONSHIP",
                                "beneficiaryGroup",
                                "ELDERLY_ALONE",
                                "openedOn",
                                openedOn));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        if (closedOn != null) {
            Http.Response c = http().post(
                            "/cases/" + r.json().get("id").asText() + "/close",
                            Http.map("outcome", "GOALS_MET", "closedOn", closedOn));
            assertThat(c.status()).as(c.text()).isEqualTo(200);
        }
    }

    protected String group(UUID worker, KnownStation station) {
        Http.Response r = http().post(
                        "/groups",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "communityId",
                                station.community().toString(),
                                "title",
                                "亲子阅读小组 parent-child reading",
                                "category",
                                "TUTORING",
                                "beneficiaryGroup",
                                "CHILD_IN_HARDSHIP"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    protected void session(String group, Instant at, int participants) {
        Http.Response r = http().post(
                        "/groups/" + group + "/sessions",
                        Http.map("heldAt", at.toString(), "participantCount", participants));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    /** An RFC 9457 problem with the status, naming the field in errors[] and in the detail. */
    protected static void assertProblem(String kase, Http.Response r, int status, String field) {
        assertThat(r.status()).as(kase + ": " + r.text()).isEqualTo(status);
        assertThat(r.contentType()).as(kase).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("errors"))
                .extracting(e -> e.get("field").asText())
                .as(kase + ": " + r.text())
                .contains(field);
        assertThat(problem.get("detail").asText()).contains(field);
    }

    /** The report's row of the station. */
    protected static JsonNode row(JsonNode rows, UUID station) {
        for (JsonNode r : rows) {
            if (r.get("stationId").asText().equals(station.toString())) {
                return r;
            }
        }
        throw new AssertionError("no row for " + station + " in " + rows);
    }

    // ---- events on Kafka ---------------------------------------------------------------------------
    /** Sends the records again, verbatim (key, value, headers), as a broker or connector replay would. */
    protected static void resend(List<ConsumerRecord<String, byte[]>> records, int copies) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int copy = 0; copy < copies; copy++) {
                for (ConsumerRecord<String, byte[]> r : records) {
                    producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers()));
                }
            }
        }
    }

    /**
     * The events a test sends through the upstream services' outboxes, by topic: how many of them this service has
     * processed, and Kafka delivering every one of them again.
     */
    protected final class Sent {

        private final List<UUID> eventIds = new ArrayList<>();
        private final Map<Aggregate, Set<String>> keys = new EnumMap<>(Aggregate.class);
        private final Map<Aggregate, Integer> onTopic = new EnumMap<>(Aggregate.class);

        public Sent() {}

        /** Notes {@code event}, sent keyed {@code key} on the aggregate's topic. */
        public void add(Aggregate aggregate, UUID key, EventEnvelope event) {
            eventIds.add(event.eventId());
            keys.computeIfAbsent(aggregate, a -> new HashSet<>()).add(key.toString());
            onTopic.merge(aggregate, 1, Integer::sum);
        }

        /** How many were sent. */
        public int size() {
            return eventIds.size();
        }

        /** Waits until this service has processed every one of them. */
        public void awaitProcessed() {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> processed() == size());
        }

        /** How many of them this service has processed (their ids in processed_event), by any of its consumers. */
        public int processed() {
            Integer n = jdbc.queryForObject(
                    "SELECT count(*) FROM processed_event WHERE event_id = ANY (?)", Integer.class, (Object)
                            eventIds.toArray(UUID[]::new));
            return n == null ? 0 : n;
        }

        /**
         * Kafka delivers every one of them again ({@link #deliverAgain}) and nothing changes: none is processed again,
         * and {@code as} gets from {@code path} the JSON it got {@code before}.
         */
        public void deliverAgainAndSeeNoChange(
                Map<Aggregate, String> consumers, Http as, String path, Http.Response before) {
            int processedBefore = processed();
            deliverAgain(consumers);
            assertThat(processed()).isEqualTo(processedBefore);
            assertThat(as.get(path).json()).isEqualTo(Http.JSON.readTree(before.text()));
        }

        /**
         * Kafka delivers every one of them again, verbatim: reads them back off their topics (all of them there),
         * sends each once more, and waits until the consumer of each topic ({@code consumers}) has counted as many
         * more duplicates as records were sent again on it.
         */
        public void deliverAgain(Map<Aggregate, String> consumers) {
            assertThat(consumers.keySet())
                    .as("a consumer for each topic sent on")
                    .isEqualTo(onTopic.keySet());
            Map<Aggregate, List<ConsumerRecord<String, byte[]>>> records = new EnumMap<>(Aggregate.class);
            for (Aggregate aggregate : onTopic.keySet()) {
                Set<String> sentKeys = keys.get(aggregate);
                int count = onTopic.get(aggregate);
                List<ConsumerRecord<String, byte[]>> read = TopicReader.readUntil(
                        TestStack.bootstrapServers(),
                        aggregate.topic(),
                        r -> sentKeys.contains(r.key()),
                        kept -> kept.size() >= count,
                        WAIT);
                assertThat(read).hasSize(count);
                records.put(aggregate, read);
            }
            Map<Aggregate, Double> before = new EnumMap<>(Aggregate.class);
            records.keySet().forEach(a -> before.put(a, duplicates(consumers.get(a))));
            records.values().forEach(r -> resend(r, 1));
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> records.entrySet().stream()
                            .allMatch(e -> duplicates(consumers.get(e.getKey())) - before.get(e.getKey())
                                    >= e.getValue().size()));
        }
    }

    /** Events the consumer found already processed and skipped, so far. */
    protected double duplicates(String consumer) {
        var counter = meters.find("wushe.inbound.events")
                .tags("consumer", consumer, "outcome", "duplicate")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Waits until at least {@code count} records keyed {@code key} are on the aggregate's topic. */
    protected List<ConsumerRecord<String, byte[]>> records(Aggregate aggregate, UUID key, int count) {
        return TopicReader.readUntil(
                TestStack.bootstrapServers(),
                aggregate.topic(),
                r -> key.toString().equals(r.key()),
                kept -> kept.size() >= count,
                WAIT);
    }

    /** Waits until at least {@code count} events keyed {@code key} are on the aggregate's topic; decoded, in order. */
    protected List<SpecificRecord> events(Aggregate aggregate, UUID key, int count) {
        return records(aggregate, key, count).stream()
                .map(r -> codec.decode(r.value()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    protected static <T extends SpecificRecord> List<T> ofType(List<SpecificRecord> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(e -> (T) e).toList();
    }
}
