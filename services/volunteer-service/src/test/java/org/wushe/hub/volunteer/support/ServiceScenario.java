package org.wushe.hub.volunteer.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.testing.MutableClock;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;
import org.wushe.hub.volunteer.VolunteerServiceApplication;
import tools.jackson.databind.JsonNode;

/**
 * The running service against the real embedded stack (PostgreSQL, Kafka, Debezium with the shipped
 * connector), one Spring context for every integration test class, with a clock the tests move.
 */
@SpringBootTest(
        classes = VolunteerServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "wushe.volunteer.expiry-interval=PT24H",
            "wushe.volunteer.details-key=" + ServiceScenario.DETAILS_KEY,
            "wushe.volunteer.activities.venue-code-key=" + ServiceScenario.VENUE_CODE_KEY
        })
@Import(ServiceScenario.TestClock.class)
public abstract class ServiceScenario {

    public static final Duration WAIT = Duration.ofSeconds(60);
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The tests' key of volunteers' details (base64 of 32 bytes). */
    public static final String DETAILS_KEY = "dm9sdW50ZWVyLWRldGFpbHMtdGVzdC1rZXktMzJieXQ=";
    /**
     * The tests' key of the venue codes (base64 of 32 bytes), set like the details key so that the service never
     * generates a key file into the source tree ({@code .local-data/} beside the module) when it runs under test.
     */
    public static final String VENUE_CODE_KEY = "dmVudWUtY29kZS10ZXN0LWtleS0zMi1ieXRlcy1sb25nIQ==";
    /** The station where the hours the tests log by hand were served. */
    public static final UUID HOURS_STATION = UUID.fromString("0d6c1f2a-3b4e-4f5a-8b7c-9d0e1f2a3b4c");

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {
        @Bean
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry, "volunteer");
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
    private org.springframework.core.env.Environment env;

    private Http http;

    protected Http http() {
        if (http == null) {
            http = new Http(Integer.parseInt(env.getProperty("local.server.port")));
        }
        return http;
    }

    protected static String bootstrap() {
        return TestStack.bootstrapServers();
    }

    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI);
    }

    // ---- volunteers

    public static String randomPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    protected Map<String, Object> registration(String name, boolean youngOld, boolean inHardship) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("phone", randomPhone());
        body.put("communityId", UpstreamEvents.COMMUNITY.toString());
        body.put(
                "homeArea",
                Map.of(
                        "districtCode",
                        "110112",
                        "streetCode",
                        "110112104",
                        "communityId",
                        UpstreamEvents.COMMUNITY.toString(),
                        "geohash",
                        "wx4gtnq9"));
        body.put("skills", List.of("HOME_REPAIR", "ELECTRICAL"));
        body.put("languages", List.of("en"));
        body.put("youngOld", youngOld);
        body.put("inHardship", inHardship);
        body.put(
                "availability",
                Map.of(
                        "weeklySlots",
                        List.of(Map.of("day", "SATURDAY", "start", "09:00", "end", "11:30")),
                        "maxHoursPerWeek",
                        6));
        return body;
    }

    protected UUID registerVolunteer(boolean youngOld, boolean inHardship) {
        Http.Response r = http().post("/volunteers", registration("张建国", youngOld, inHardship));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asText());
    }

    /** Hours logged by hand by station staff; returns the response body. */
    protected JsonNode logHours(UUID volunteer, int minutes, LocalDate servedOn) {
        Http.Response r = http().post(
                        "/volunteers/" + volunteer + "/hours",
                        Map.of(
                                "minutes",
                                minutes,
                                "servedOn",
                                servedOn.toString(),
                                "stationId",
                                HOURS_STATION.toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    protected long balance(UUID account) {
        Http.Response r = http().get("/points/accounts/" + account);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("balance").asLong();
    }

    // ---- caring shops and rewards

    /** A caring shop registered in the resource service, once it has reached this service's read model. */
    protected UUID caringShop(String name, DonorKind kind) {
        UUID donor = UUID.randomUUID();
        Upstream.resource(codec)
                .publish(Aggregate.DONOR, donor, UpstreamEvents.donorRegistered(donor, name, kind, Instant.now()));
        await().atMost(WAIT).until(() -> http().get("/donors/" + donor).status() == 200);
        return donor;
    }

    protected UUID reward(UUID donor, long cost, Integer stock) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("donorId", donor.toString());
        body.put("title", "义剪一次 a free haircut");
        body.put("pointsCost", cost);
        if (stock != null) {
            body.put("stock", stock);
        }
        Http.Response r = http().post("/rewards", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asText());
    }

    protected Http.Response redeem(UUID account, UUID reward, int quantity, String key) {
        return http().post(
                        "/points/accounts/" + account + "/redemptions",
                        Map.of("rewardId", reward.toString(), "quantity", quantity),
                        "Idempotency-Key",
                        key);
    }

    // ---- what the service published

    /** The decoded events on wushe.volunteer.volunteer keyed by {@code key}, read until {@code done} holds. */
    protected List<SpecificRecord> eventsOf(UUID key, Predicate<List<SpecificRecord>> done) {
        List<ConsumerRecord<String, byte[]>> records = recordsOf(key, done);
        return records.stream()
                .<SpecificRecord>map(r -> codec.decode(r.value()))
                .toList();
    }

    protected List<ConsumerRecord<String, byte[]>> recordsOf(UUID key, Predicate<List<SpecificRecord>> done) {
        return TopicReader.readUntil(
                bootstrap(),
                Aggregate.VOLUNTEER.topic(),
                r -> key.toString().equals(r.key()),
                kept -> done.test(kept.stream()
                        .<SpecificRecord>map(r -> codec.decode(r.value()))
                        .toList()),
                WAIT);
    }

    protected static <T extends SpecificRecord> Predicate<List<SpecificRecord>> has(Class<T> type, int count) {
        return events -> events.stream().filter(type::isInstance).count() >= count;
    }

    @SuppressWarnings("unchecked")
    protected static <T extends SpecificRecord> List<T> only(List<SpecificRecord> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(e -> (T) e).toList();
    }

    protected static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    protected double counter(String name, String... tags) {
        Counter c = meters.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
