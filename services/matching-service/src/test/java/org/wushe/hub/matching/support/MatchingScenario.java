package org.wushe.hub.matching.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.events.community.StationLevel;
import org.wushe.hub.matching.MatchingServiceApplication;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.MutableClock;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * The running matching service against the real embedded stack (PostgreSQL, Kafka, Debezium with the
 * shipped connectors); the other parties' events travel their real outboxes ({@link Upstream}). The
 * scheduled batch and deadline checks are left to the tests, which call them after moving the clock.
 * Each test builds its own stations and community, so tests share the context but not their data.
 */
@SpringBootTest(
        classes = MatchingServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wushe.matching.batch-interval=PT1H", "wushe.matching.deadline-check-interval=PT1H"})
@Import(MatchingScenario.TestClock.class)
public abstract class MatchingScenario {

    public static final Duration WAIT = Duration.ofSeconds(60);

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry, "matching");
    }

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected AvroEventCodec codec;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected MatchEngine engine;

    @Autowired
    private Environment env;

    private Http http;

    /** A community with its station under a town centre, known to the matching service. */
    protected record Place(UUID community, UUID station, UUID centre) {}

    protected Http http() {
        if (http == null) {
            http = new Http(Integer.parseInt(env.getProperty("local.server.port")));
        }
        return http;
    }

    protected Upstream community() {
        return Upstream.community(codec);
    }

    protected Upstream volunteers() {
        return Upstream.volunteer(codec);
    }

    protected Upstream resources() {
        return Upstream.resource(codec);
    }

    /** A new community station under a new town centre, once the matching service knows both. */
    protected Place newPlace() {
        UUID community = UUID.randomUUID();
        UUID station = UUID.randomUUID();
        UUID centre = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.STATION,
                        centre,
                        Town.station(centre, "永顺镇社会工作服务中心", StationLevel.STREET_CENTRE, null, null));
        community()
                .publish(
                        Aggregate.STATION,
                        station,
                        Town.station(station, "胡各庄社区社工站", StationLevel.COMMUNITY_STATION, centre, community));
        await().atMost(WAIT)
                .until(() ->
                        count("select count(*) from station_view where station_id in (?, ?)", station, centre) == 2);
        return new Place(community, station, centre);
    }

    /** Publishes a volunteer and waits until the engine has them. */
    protected UUID volunteer(Place p, double[] home, org.wushe.hub.events.common.Skill... skills) {
        UUID id = UUID.randomUUID();
        volunteers().publish(Aggregate.VOLUNTEER, id, Town.volunteer(id, p.community(), home, skills));
        await().atMost(WAIT).until(() -> count("select count(*) from volunteer_view where volunteer_id = ?", id) == 1);
        awaitEngineCaughtUp();
        return id;
    }

    /** The engine's memory follows the read model right after each commit; waits until it holds every row. */
    protected void awaitEngineCaughtUp() {
        await().atMost(WAIT)
                .until(() -> engine.stats().volunteers() == count("select count(*) from volunteer_view")
                        && engine.stats().offers() == count("select count(*) from offer_view where active"));
    }

    /** The need's matching state (GET /needs/{id}), once the service knows the need and has decided on it. */
    protected JsonNode awaitNeed(UUID needId, Predicate<JsonNode> until) {
        JsonNode[] last = {null};
        await().atMost(WAIT).until(() -> {
            Http.Response r = http().get("/needs/" + needId);
            if (r.status() != 200) {
                return false;
            }
            last[0] = r.json();
            return until.test(last[0]);
        });
        return last[0];
    }

    /** The need's live (open or accepted) match, once it has one. */
    protected JsonNode awaitLiveMatch(UUID needId) {
        JsonNode need = awaitNeed(needId, n -> live(n) != null);
        return live(need);
    }

    protected static JsonNode live(JsonNode need) {
        for (JsonNode m : need.get("matches")) {
            String s = m.get("status").asText();
            if (List.of("PROPOSED", "ESCALATED", "ACCEPTED", "RESERVED").contains(s)) {
                return m;
            }
        }
        return null;
    }

    protected Http.Response decline(String matchId, String reason, String note) {
        return http().post(
                        "/matches/" + matchId + "/decline",
                        note == null ? Map.of("reason", reason) : Map.of("reason", reason, "note", note));
    }

    /** The decoded events on wushe.matching.match keyed by {@code matchId}, read until {@code done} holds. */
    protected List<SpecificRecord> matchEvents(UUID matchId, Predicate<List<SpecificRecord>> done) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.MATCH.topic(),
                r -> matchId.toString().equals(r.key()),
                kept -> done.test(kept.stream()
                        .<SpecificRecord>map(r -> codec.decode(r.value()))
                        .toList()),
                WAIT);
        return records.stream()
                .<SpecificRecord>map(r -> codec.decode(r.value()))
                .toList();
    }

    protected static <T extends SpecificRecord> Predicate<List<SpecificRecord>> has(Class<T> type) {
        return events -> events.stream().anyMatch(type::isInstance);
    }

    @SuppressWarnings("unchecked")
    protected static <T extends SpecificRecord> T only(List<SpecificRecord> events, Class<T> type) {
        List<T> of = events.stream().filter(type::isInstance).map(e -> (T) e).toList();
        assertThat(of).as("events of type %s", type.getSimpleName()).hasSize(1);
        return of.get(0);
    }

    /** The needs' ids as a PostgreSQL array literal, for {@code need_id = any (?::uuid[])}. */
    protected static String uuidArray(java.util.Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** Waits until every one of the needs is answered: a live match, or waiting with its reason. */
    protected void awaitAnswered(java.util.Collection<UUID> needs) {
        String ids = uuidArray(needs);
        await().atMost(WAIT)
                .until(() -> count(
                                "select count(*) from need_state where need_id = any (?::uuid[]) and state in"
                                        + " ('MATCHED', 'WAITING')",
                                ids)
                        == needs.size());
    }

    protected long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    protected double counter(String name, String... tags) {
        Counter c = meters.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    /** A new id whose record the outbox relay puts on one of the partitions {@code side} (of {@code partitions}). */
    protected static UUID keyedTo(java.util.Set<Integer> side, int partitions) {
        UUID id;
        do {
            id = UUID.randomUUID();
        } while (partitions > 0 && !side.contains(partitionOf(id, partitions)));
        return id;
    }

    /** Kafka's default partitioner for the outbox relay's string keys. */
    protected static int partitionOf(UUID key, int partitions) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                        key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                % partitions;
    }
}
