package org.wushe.hub.notification.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.notification.NotificationServiceApplication;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * The notification service running on the real embedded stack (PostgreSQL, Kafka, Debezium), with a real SMTP
 * server (GreenMail, {@link Smtp}), called over HTTP. Events arrive as the matching and volunteer services send
 * them: written to their outboxes ({@link Upstream}) and carried by their shipped connectors. One Spring context
 * for every scenario class that extends this; it holds one more channel, {@link RecordingChannel}.
 */
@SpringBootTest(
        classes = NotificationServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ServiceScenario.TestChannels.class)
public abstract class ServiceScenario {

    public static final Duration WAIT = Duration.ofSeconds(60);
    /** The contact key of the tests (base64 of 32 bytes). */
    public static final String CONTACT_KEY = "bm90aWZpY2F0aW9uLWNvbnRhY3QtdGVzdC1rZXktMzI=";

    @TestConfiguration(proxyBeanMethods = false)
    static class TestChannels {
        @Bean
        RecordingChannel recordingChannel() {
            return new RecordingChannel();
        }
    }

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        // TestStack.register without an outbox connector: this service publishes nothing.
        var stack = TestStack.get();
        Map.ofEntries(
                        Map.entry("spring.datasource.url", stack.database().jdbcUrl() + "?currentSchema=notification"),
                        Map.entry("spring.datasource.username", "postgres"),
                        Map.entry("spring.datasource.password", TestStack.databasePassword()),
                        Map.entry("spring.flyway.schemas", "notification"),
                        Map.entry("spring.kafka.bootstrap-servers", TestStack.bootstrapServers()),
                        Map.entry("spring.cloud.stream.kafka.binder.brokers", TestStack.bootstrapServers()),
                        Map.entry(
                                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                                TestTokens.publicKeyLocation()),
                        Map.entry("spring.mail.host", "127.0.0.1"),
                        Map.entry("spring.mail.port", String.valueOf(Smtp.port())),
                        Map.entry("spring.mail.properties.mail.smtp.connectiontimeout", "2000"),
                        Map.entry("spring.mail.properties.mail.smtp.timeout", "2000"),
                        Map.entry("wushe.notification.dispatch-interval", "PT0.3S"),
                        Map.entry("wushe.notification.retry-base", "PT0.5S"),
                        Map.entry("wushe.notification.retry-max", "PT1S"),
                        Map.entry("wushe.notification.max-attempts", "40"),
                        // The tests run the reminder and deadline schedulers themselves, at times they choose.
                        Map.entry("wushe.notification.watch-interval", "PT1H"),
                        Map.entry("wushe.notification.contact-key", CONTACT_KEY))
                .forEach((k, v) -> registry.add(k, () -> v));
    }

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected AvroEventCodec codec;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected RecordingChannel recording;

    protected Http http() {
        return new Http(port);
    }

    /** The service called by the volunteer themself (their token's volunteer_id). */
    protected Http asVolunteer(UUID volunteer) {
        return http().as(TestTokens.token("v-" + volunteer, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, volunteer));
    }

    /** The service called by a staff member of the station (their token's station_id). */
    protected Http asStaff(UUID station) {
        return http().as(TestTokens.token("staff-" + station, Roles.STATION_STAFF, Roles.STATION_ID, station));
    }

    /** A fresh e-mail address no other scenario uses. */
    protected static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Sets the volunteer's e-mail address (and any other fields given) through the API. */
    protected void preferences(Http as, String email, Object... kinds) {
        Http.Response r = as.put(
                "/notifications/me/preferences",
                Http.map("email", email, "language", "zh-CN", "kinds", List.of(kinds)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    /** The caller's inbox. */
    protected JsonNode inbox(Http as) {
        Http.Response r = as.get("/notifications/me?size=100");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    /** The caller's notifications of one kind. */
    protected List<JsonNode> inbox(Http as, String kind) {
        List<JsonNode> out = new java.util.ArrayList<>();
        inbox(as).get("items").forEach(i -> {
            if (kind.equals(i.get("kind").asText())) {
                out.add(i);
            }
        });
        return out;
    }

    // ---- events ----------------------------------------------------------------------------------------

    /** Publishes through the upstream service's outbox (matching or volunteer), as that service would. */
    protected EventEnvelope publish(Aggregate aggregate, UUID key, SpecificRecord event) {
        AvroTrust.install();
        Upstream upstream = aggregate == Aggregate.MATCH ? Upstream.matching(codec) : Upstream.volunteer(codec);
        return upstream.publish(aggregate, key, event);
    }

    /** Waits until this service's consumer recorded the event as processed. */
    protected void awaitProcessed(EventEnvelope envelope) {
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_event WHERE event_id = ?",
                                Integer.class,
                                envelope.eventId())
                        == 1);
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

    /** The status of the notification's delivery on the channel (null: no such delivery). */
    protected String delivery(UUID notificationId, String channel) {
        List<String> s = jdbc.queryForList(
                "SELECT status FROM delivery WHERE notification_id = ? AND channel = ?",
                String.class,
                notificationId,
                channel);
        return s.isEmpty() ? null : s.get(0);
    }

    /** The one notification of the kind for the recipient, waiting for it. */
    protected UUID notificationOf(String recipientKind, UUID recipientId, String kind) {
        await().atMost(WAIT).until(() -> count(recipientKind, recipientId, kind) == 1);
        return jdbc.queryForObject(
                "SELECT id FROM notification WHERE recipient_kind = ? AND recipient_id = ? AND kind = ?",
                UUID.class,
                recipientKind,
                recipientId,
                kind);
    }

    /**
     * Waits until the dispatcher has settled every delivery of the recipient (sent, skipped or failed; none pending),
     * so that what was not sent is known not to come.
     */
    protected void awaitSettled(String recipientKind, UUID recipientId) {
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM delivery d JOIN notification n ON n.id = d.notification_id"
                                        + " WHERE n.recipient_kind = ? AND n.recipient_id = ? AND d.status = 'pending'",
                                Integer.class,
                                recipientKind,
                                recipientId)
                        == 0);
    }

    protected int count(String recipientKind, UUID recipientId, String kind) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM notification WHERE recipient_kind = ? AND recipient_id = ? AND kind = ?",
                Integer.class,
                recipientKind,
                recipientId,
                kind);
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
    }
}
