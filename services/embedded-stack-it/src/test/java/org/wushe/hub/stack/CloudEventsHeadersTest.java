package org.wushe.hub.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every outbox relay (the shipped {@code deploy/connect/} files, run by Debezium on the embedded stack) publishes
 * CloudEvents in binary mode: a consumer that knows only the CloudEvents Kafka binding (the SDK's
 * {@link KafkaMessageFactory}) reads id, type, source, subject, time and spec version of each service's record, and the
 * hub's own headers (eventId, eventType, occurredAt, aggregateType, actor) are still there for its consumers.
 *
 * <p>Each service's outbox is made as its migrations make it: the platform's ({@code db/wushe-platform}) and then
 * every migration of the service that alters the outbox (which adds {@code ce_specversion}).
 */
class CloudEventsHeadersTest {

    /** An aggregate type and one of its events per service (the platform's Aggregate catalogue). */
    static final Map<String, String[]> EVENT_OF = Map.of(
            "community-service", new String[] {"community.need", "NeedPublished"},
            "organization-service", new String[] {"organization.organization", "OrganizationRegistered"},
            "social-worker-service", new String[] {"socialworker.worker", "CaseOpened"},
            "volunteer-service", new String[] {"volunteer.volunteer", "VolunteerRegistered"},
            "resource-service", new String[] {"resource.offer", "ResourceOffered"},
            "matching-service", new String[] {"matching.match", "MatchProposed"});

    static final Path REPO = Path.of("../..");
    static final Pattern ALTERS_OUTBOX = Pattern.compile("(?is)\\bALTER\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?outbox\\b");

    @TempDir
    static Path dir;

    static LocalStack stack;

    @BeforeAll
    static void start() throws IOException {
        stack = new LocalStack(LocalStack.Settings.defaults(dir).withPorts(freePort(), freePort(), freePort())).start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    record Written(
            String service,
            UUID id,
            String aggregateId,
            String topic,
            String type,
            Instant occurredAt,
            byte[] payload) {}

    @Test
    void aCloudEventsConsumerReadsEveryServicesRecordsWithoutKnowingTheHub() throws Exception {
        List<Written> written = new ArrayList<>();
        for (String service : LocalStack.SERVICES) {
            ConnectorConfig connector = ConnectorConfig.fromClasspath("connect/" + service + ".json");
            String schema =
                    connector.outboxTable().substring(0, connector.outboxTable().indexOf('.'));
            migrateOutbox(service, schema);
            stack.connector(connector.name()).awaitCapturing(Duration.ofSeconds(90));
            written.add(writeAsTheOutboxWriterDoes(service, schema));
        }

        for (Written w : written) {
            ConsumerRecord<String, byte[]> record = readOne(w.topic());

            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();

            assertThat(event.getSpecVersion())
                    .as("%s: ce_specversion", w.service())
                    .isEqualTo(SpecVersion.V1);
            assertThat(event.getId()).as("%s: ce_id", w.service()).isEqualTo(w.id().toString());
            assertThat(event.getType()).as("%s: ce_type", w.service()).isEqualTo(w.type());
            assertThat(event.getSource())
                    .as("%s: ce_source", w.service())
                    .isEqualTo(URI.create("/wushe-hub/" + w.service()));
            assertThat(event.getSubject())
                    .as("%s: ce_subject is the aggregate id (the record key)", w.service())
                    .isEqualTo(w.aggregateId())
                    .isEqualTo(record.key());
            assertThat(event.getTime()).as("%s: ce_time", w.service()).isNotNull();
            assertThat(event.getTime().toInstant())
                    .as("%s: ce_time", w.service())
                    .isEqualTo(w.occurredAt());
            assertThat(event.getData())
                    .as("%s: the data is the outbox payload as written", w.service())
                    .isNotNull();
            assertThat(event.getData().toBytes()).isEqualTo(w.payload());
            // The headers' raw text, as any CloudEvents binding (not only this SDK) reads them.
            assertThat(header(record, "ce_specversion")).as("%s", w.service()).isEqualTo("1.0");
            assertThat(header(record, "ce_time"))
                    .as("%s: ce_time is RFC 3339", w.service())
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
            // The hub's own headers stay, its consumers read them.
            assertThat(header(record, "eventId")).as("%s: eventId", w.service()).isEqualTo(w.id().toString());
            assertThat(header(record, "eventType"))
                    .as("%s: eventType", w.service())
                    .isEqualTo(w.type());
            assertThat(header(record, "aggregateType"))
                    .as("%s: aggregateType", w.service())
                    .isEqualTo(w.topic().substring("wushe.".length()));
            assertThat(header(record, "occurredAt"))
                    .as("%s: occurredAt", w.service())
                    .isEqualTo(header(record, "ce_time"));
            assertThat(header(record, "actor")).as("%s: actor", w.service()).isEqualTo("system:" + w.service());
        }
    }

    /** The platform's outbox migrations, then each of the service's migrations that alters the outbox. */
    private static void migrateOutbox(String service, String schema) throws Exception {
        List<Path> scripts =
                new ArrayList<>(sql(REPO.resolve("services/platform/src/main/resources/db/wushe-platform")));
        List<Path> own = sql(REPO.resolve("services/" + service + "/src/main/resources/db/migration")).stream()
                .filter(p -> ALTERS_OUTBOX.matcher(read(p)).find())
                .toList();
        assertThat(own)
                .as("%s has a migration that adds the outbox's ce_specversion", service)
                .anySatisfy(p -> assertThat(read(p)).contains("ce_specversion"));
        scripts.addAll(own);
        try (Connection c = stack.database().connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            s.execute("SET search_path TO " + schema);
            for (Path script : scripts) {
                s.execute(read(script));
            }
        }
    }

    /** The columns OutboxWriter names (services/platform); ce_specversion is the column's default. */
    private static Written writeAsTheOutboxWriterDoes(String service, String schema) throws Exception {
        String[] event = EVENT_OF.get(service);
        UUID id = UUID.randomUUID();
        String aggregateId = UUID.randomUUID().toString();
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] payload = ("payload of " + event[1] + " " + id).getBytes(StandardCharsets.UTF_8);
        try (Connection c = stack.database().connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO " + schema + ".outbox "
                                    + "(id, aggregatetype, aggregateid, type, payload, occurredat, traceparent, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement delete = c.prepareStatement("DELETE FROM " + schema + ".outbox WHERE id = ?")) {
                insert.setObject(1, id);
                insert.setString(2, event[0]);
                insert.setString(3, aggregateId);
                insert.setString(4, event[1]);
                insert.setBytes(5, payload);
                insert.setTimestamp(6, Timestamp.from(occurredAt));
                insert.setString(7, null);
                insert.setString(8, "system:" + service);
                insert.executeUpdate();
                delete.setObject(1, id);
                delete.executeUpdate();
            }
            c.commit();
        }
        return new Written(service, id, aggregateId, "wushe." + event[0], event[1], occurredAt, payload);
    }

    private static ConsumerRecord<String, byte[]> readOne(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "cloudevents-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    return r;
                }
            }
        }
        throw new AssertionError("no record on " + topic + " within 90 s");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static List<Path> sql(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("V[0-9_]+__.*\\.sql"))
                    .sorted(Comparator.comparing(CloudEventsHeadersTest::version))
                    .toList();
        }
    }

    private static java.math.BigDecimal version(Path p) {
        String v = p.getFileName().toString().substring(1).split("__")[0];
        // V2_1 comes after V2 and before V3; platform's V0_1, V0_2 before all.
        String[] parts = v.split("_");
        return new java.math.BigDecimal(
                parts[0] + (parts.length > 1 ? "." + String.format("%03d", Integer.parseInt(parts[1])) : ""));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
