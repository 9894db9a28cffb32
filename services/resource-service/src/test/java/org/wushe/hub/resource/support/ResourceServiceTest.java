package org.wushe.hub.resource.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.resource.ResourceServiceApplication;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.testing.MutableClock;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;

/**
 * Every integration test runs the real service (HTTP on a free port) against the real embedded stack
 * (PostgreSQL, Kafka, Debezium with the shipped connectors), sharing one application context. The
 * expiry job is left to the tests (they call it), and the clock can be moved forward.
 */
@SpringBootTest(
        classes = ResourceServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "wushe.resource.expiry-interval=PT24H")
@Import(ResourceServiceTest.ClockConfig.class)
public abstract class ResourceServiceTest {

    public static final Duration WAIT = Duration.ofSeconds(60);

    /** Replaces the platform's {@code Clock} bean (it backs off when one exists): real time, moved forward on demand. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @org.springframework.context.annotation.Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry, "resource");
    }

    /** A decoded record of a hub topic. */
    public record Received(ConsumerRecord<String, byte[]> record, SpecificRecord event) {
        public String header(String name) {
            Header h = record.headers().lastHeader(name);
            return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }

        public String type() {
            return event.getSchema().getName();
        }
    }

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected AvroEventCodec codec;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MeterRegistry meters;

    private Http http;

    protected Http http() {
        if (http == null) {
            http = new Http(port);
        }
        return http;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Reads the aggregate's topic from the start, keeping the records of {@code key}, until {@code done} holds. */
    protected List<Received> events(Aggregate aggregate, String key, Predicate<List<Received>> done) {
        return TopicReader.readUntil(
                        TestStack.bootstrapServers(),
                        aggregate.topic(),
                        r -> key.equals(r.key()),
                        kept -> done.test(decode(kept)),
                        WAIT)
                .stream()
                .map(r -> new Received(r, codec.decode(r.value())))
                .toList();
    }

    /** Waits until the key's records on the topic include these event types in this order (among others), and returns them all. */
    protected List<Received> eventsUntil(Aggregate aggregate, UUID key, String... types) {
        return events(
                aggregate,
                key.toString(),
                got -> containsInOrder(got.stream().map(Received::type).toList(), List.of(types)));
    }

    protected <T extends SpecificRecord> T last(List<Received> received, Class<T> type) {
        return received.stream()
                .map(Received::event)
                .filter(type::isInstance)
                .map(type::cast)
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + received));
    }

    protected UUID registerDonor(String name) {
        Http.Response r = http().post("/donors", Samples.donor(name, "ENTERPRISE"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return UUID.fromString(r.body().get("id").asText());
    }

    protected UUID createOffer(Map<String, Object> offer) {
        Http.Response r = http().post("/offers", offer);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return UUID.fromString(r.body().get("id").asText());
    }

    protected Http.Response reserve(UUID offerId, String key, Map<String, Object> body) {
        return http().post("/offers/" + offerId + "/reservations", body, Map.of("Idempotency-Key", key));
    }

    protected long available(UUID offerId) {
        return http().get("/offers/" + offerId + "/stock")
                .body()
                .get("available")
                .asLong();
    }

    private List<Received> decode(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(r -> new Received(r, codec.decode(r.value())))
                .toList();
    }

    static boolean containsInOrder(List<String> actual, List<String> expected) {
        int i = 0;
        for (String a : actual) {
            if (i < expected.size() && a.equals(expected.get(i))) {
                i++;
            }
        }
        return i == expected.size();
    }

    protected static String header(Received r, String name) {
        return r.header(name);
    }

    protected static String eventIdHeader(Received r) {
        return r.header(EventHeaders.EVENT_ID);
    }
}
