package org.wushe.hub.stack;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Debezium outbox connector in-process and writes what it emits to Kafka, the way a Kafka
 * Connect worker would: the connector's own key/value/header converters, topics created from its
 * {@code topic.creation.default.*} settings, and offsets committed only after Kafka acknowledged the
 * batch (at least once; consumers deduplicate by event id).
 *
 * <p>The engine is restarted with back-off if it fails, e.g. while the database is down.
 *
 * <p>Kafka Connect's {@code Filter} transforms (with a {@code TopicNameMatches} predicate) are applied
 * here as a worker applies them: the record is not written, yet its offset is committed. The connector
 * files drop Debezium's heartbeat records that way; committing their offsets is what lets the replication
 * slot advance while the outbox is quiet and other tables are busy (the embedded engine itself would
 * never commit a record a transform dropped).
 */
public final class OutboxCdc implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxCdc.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final ConnectorConfig connector;
    private final String jdbcUrl;
    private final String bootstrapServers;
    private final Path offsetsFile;
    private final AtomicLong published = new AtomicLong();
    private final Set<String> knownTopics = ConcurrentHashMap.newKeySet();
    private final List<java.util.function.Predicate<String>> droppedTopics = new ArrayList<>();
    private final Map<String, String> engineConfig;

    private ExecutorService runner;
    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile boolean running;
    private volatile boolean capturing;
    private KafkaProducer<byte[], byte[]> producer;
    private Admin admin;
    private Converter keyConverter;
    private Converter valueConverter;
    private HeaderConverter headerConverter;

    public OutboxCdc(ConnectorConfig connector, String jdbcUrl, String bootstrapServers, Path offsetsDir) {
        this.connector = connector;
        this.jdbcUrl = jdbcUrl;
        this.bootstrapServers = bootstrapServers;
        this.offsetsFile = offsetsDir.resolve(connector.name() + ".offsets");
        this.engineConfig = withoutFilters(connector, droppedTopics);
    }

    /**
     * The connector's configuration without its {@code Filter} transforms (and the predicates only they
     * use); each filter becomes a test on the record's topic in {@code dropped}.
     */
    static Map<String, String> withoutFilters(
            ConnectorConfig connector, List<java.util.function.Predicate<String>> dropped) {
        Map<String, String> config = new java.util.LinkedHashMap<>(connector.config());
        List<String> kept = new ArrayList<>();
        Set<String> filterPredicates = new java.util.HashSet<>();
        for (String t : names(config.get("transforms"))) {
            if (!"org.apache.kafka.connect.transforms.Filter".equals(config.get("transforms." + t + ".type"))) {
                kept.add(t);
                continue;
            }
            String predicate = config.get("transforms." + t + ".predicate");
            boolean negate = Boolean.parseBoolean(config.getOrDefault("transforms." + t + ".negate", "false"));
            if (predicate == null) {
                throw new IllegalStateException(connector.name() + ": transform " + t + " drops every record");
            }
            if (!"org.apache.kafka.connect.transforms.predicates.TopicNameMatches"
                    .equals(config.get("predicates." + predicate + ".type"))) {
                throw new IllegalStateException(connector.name()
                        + ": the local stack applies Filter transforms with a TopicNameMatches predicate only (" + t
                        + " uses " + predicate + ")");
            }
            java.util.regex.Pattern pattern =
                    java.util.regex.Pattern.compile(config.get("predicates." + predicate + ".pattern"));
            dropped.add(topic -> topic != null && pattern.matcher(topic).matches() != negate);
            filterPredicates.add(predicate);
            config.keySet().removeIf(k -> k.startsWith("transforms." + t + "."));
        }
        if (kept.isEmpty()) {
            config.remove("transforms");
        } else {
            config.put("transforms", String.join(",", kept));
        }
        for (String p : filterPredicates) {
            boolean usedElsewhere = kept.stream().anyMatch(t -> p.equals(config.get("transforms." + t + ".predicate")));
            if (!usedElsewhere) {
                config.keySet().removeIf(k -> k.startsWith("predicates." + p + "."));
                List<String> left = new ArrayList<>(names(config.get("predicates")));
                left.remove(p);
                if (left.isEmpty()) {
                    config.remove("predicates");
                } else {
                    config.put("predicates", String.join(",", left));
                }
            }
        }
        return config;
    }

    private static List<String> names(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .toList();
    }

    private boolean dropped(String topic) {
        for (java.util.function.Predicate<String> d : droppedTopics) {
            if (d.test(topic)) {
                return true;
            }
        }
        return false;
    }

    public synchronized OutboxCdc start() {
        if (running) {
            return this;
        }
        try {
            Files.createDirectories(offsetsFile.getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + offsetsFile.getParent(), e);
        }
        keyConverter = converter("key.converter", true);
        valueConverter = converter("value.converter", false);
        headerConverter = headerConverter();
        producer = new KafkaProducer<>(producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        running = true;
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cdc-" + connector.name());
            t.setDaemon(true);
            return t;
        });
        runner.submit(this::superviseEngine);
        return this;
    }

    /** Keeps one engine running until {@link #stop()}. */
    private void superviseEngine() {
        while (running) {
            try {
                preparePublication();
                DebeziumEngine<RecordChangeEvent<SourceRecord>> current = DebeziumEngine.create(
                                ChangeEventFormat.of(Connect.class))
                        .using(engineProperties())
                        .using((success, message, error) -> {
                            capturing = false;
                            if (!success && running) {
                                log.warn(
                                        "CDC {} stopped: {}; restarting in {} s",
                                        connector.name(),
                                        message,
                                        RETRY.toSeconds(),
                                        error);
                            }
                        })
                        .using(new DebeziumEngine.ConnectorCallback() {
                            @Override
                            public void taskStarted() {
                                capturing = true;
                                log.info("CDC {} capturing {}", connector.name(), connector.outboxTable());
                            }
                        })
                        .notifying(this::publish)
                        .build();
                engine = current;
                current.run(); // returns when the engine stops
                engine = null;
                if (running) {
                    sleep(RETRY);
                }
            } catch (Exception e) {
                if (running) {
                    log.warn(
                            "CDC {} could not run: {}; retrying in {} s",
                            connector.name(),
                            e.getMessage(),
                            RETRY.toSeconds());
                    sleep(RETRY);
                }
            }
        }
    }

    private void publish(
            List<RecordChangeEvent<SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> event : batch) {
            SourceRecord record = event.record();
            if (record.topic() == null || record.value() == null && record.key() == null) {
                continue; // filtered out by the router
            }
            if (dropped(record.topic())) {
                continue; // a Filter transform (e.g. a heartbeat): not written, its offset committed below
            }
            ensureTopic(record.topic());
            sent.add(producer.send(toProducerRecord(record)));
        }
        producer.flush();
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // Nothing of this batch is committed, so the engine restarts from before it.
                throw new IllegalStateException(
                        "Kafka refused an outbox event: " + e.getCause().getMessage(), e.getCause());
            }
        }
        for (RecordChangeEvent<SourceRecord> event : batch) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        published.addAndGet(sent.size());
    }

    private ProducerRecord<byte[], byte[]> toProducerRecord(SourceRecord record) {
        String topic = record.topic();
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h.key(), headerConverter.fromConnectHeader(topic, h.key(), h.schema(), h.value()));
        }
        byte[] key = keyConverter.fromConnectData(topic, headers, record.keySchema(), record.key());
        byte[] value = valueConverter.fromConnectData(topic, headers, record.valueSchema(), record.value());
        return new ProducerRecord<>(topic, null, record.timestamp(), key, value, headers);
    }

    private void ensureTopic(String topic) {
        if (knownTopics.contains(topic)) {
            return;
        }
        int partitions = Integer.parseInt(connector.get("topic.creation.default.partitions", "3"));
        short replication = Short.parseShort(connector.get("topic.creation.default.replication.factor", "1"));
        Map<String, String> topicConfig = new HashMap<>();
        connector.config().forEach((k, v) -> {
            if (k.startsWith("topic.creation.default.")
                    && !k.endsWith(".partitions")
                    && !k.endsWith(".replication.factor")) {
                topicConfig.put(k.substring("topic.creation.default.".length()), v);
            }
        });
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, replication).configs(topicConfig)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            log.info("CDC {} created topic {} ({} partitions)", connector.name(), topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "cannot create topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + topic, e);
        }
        knownTopics.add(topic);
    }

    /**
     * Makes sure the publication exists before the connector creates its slot, so that no outbox row
     * written after this point can be missed, even one written by a service that is still migrating.
     *
     * <p>The publication holds the outbox table only, so the walsender sends Debezium the outbox's rows and nothing
     * else the service writes. Locally the connector starts before its service has migrated, so the table may not
     * exist yet: an event trigger on {@code CREATE TABLE} adds {@code <schema>.outbox} to the publication in the
     * migration's own transaction (a table dropped and created again, e.g. by a test's clean, joins again). A
     * publication an older data directory made for the whole schema is narrowed to the table.
     */
    private void preparePublication() throws SQLException {
        String table = connector.outboxTable();
        String schema = identifier(table.substring(0, table.indexOf('.')));
        String name = identifier(table.substring(table.indexOf('.') + 1));
        String publication = identifier(connector.get("publication.name"));
        String function = "public." + publication + "_joins";
        try (Connection c = DriverManager.getConnection(
                jdbcUrl, connector.get("database.user"), connector.get("database.password"))) {
            c.setAutoCommit(false);
            try (java.sql.Statement ddl = c.createStatement()) {
                // One at a time per publication: two stacks' connectors (or a restart) never race on its DDL.
                ddl.execute("SELECT pg_advisory_xact_lock(hashtext('" + publication + "'))");
                ddl.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                if (!exists(c, "SELECT 1 FROM pg_publication WHERE pubname = ?", publication)) {
                    ddl.execute("CREATE PUBLICATION " + publication + " WITH (publish = 'insert')");
                }
                for (String held : strings(
                        c,
                        "SELECT n.nspname FROM pg_publication_namespace pn JOIN pg_publication p ON p.oid = pn.pnpubid"
                                + " JOIN pg_namespace n ON n.oid = pn.pnnspid WHERE p.pubname = ?",
                        publication)) {
                    ddl.execute("ALTER PUBLICATION " + publication + " DROP TABLES IN SCHEMA " + identifier(held));
                }
                ddl.execute("CREATE OR REPLACE FUNCTION " + function
                        + "() RETURNS event_trigger LANGUAGE plpgsql AS $f$"
                        + " BEGIN"
                        + "   IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands()"
                        + "              WHERE command_tag = 'CREATE TABLE' AND object_identity = '" + table + "')"
                        + "      AND NOT EXISTS (SELECT 1 FROM pg_publication_tables WHERE pubname = '" + publication
                        + "' AND schemaname = '" + schema + "' AND tablename = '" + name + "') THEN"
                        + "     ALTER PUBLICATION " + publication + " ADD TABLE " + table + ";"
                        + "   END IF;"
                        + " END $f$");
                if (!exists(c, "SELECT 1 FROM pg_event_trigger WHERE evtname = ?", publication + "_joins")) {
                    ddl.execute("CREATE EVENT TRIGGER " + publication + "_joins ON ddl_command_end"
                            + " WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION " + function + "()");
                }
                if (exists(c, "SELECT 1 WHERE to_regclass(?) IS NOT NULL", table)
                        && !exists(
                                c,
                                "SELECT 1 FROM pg_publication_tables WHERE pubname = ? AND schemaname || '.' ||"
                                        + " tablename = ?",
                                publication,
                                table)) {
                    ddl.execute("ALTER PUBLICATION " + publication + " ADD TABLE " + table);
                }
            }
            c.commit();
        }
    }

    private static boolean exists(Connection c, String sql, String... parameters) throws SQLException {
        return !strings(c, sql, parameters).isEmpty();
    }

    private static List<String> strings(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
        return name;
    }

    private Properties engineProperties() {
        Properties p = new Properties();
        p.putAll(engineConfig);
        p.put("name", connector.name());
        p.put("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.put("offset.storage.file.filename", offsetsFile.toString());
        // Unless the connector says otherwise, commit after every batch Kafka acknowledged: a restart redelivers as
        // little as possible.
        p.putIfAbsent("offset.flush.interval.ms", "0");
        return p;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "cdc-" + connector.name());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        connector.config().forEach((k, v) -> {
            if (k.startsWith("producer.override.")) {
                p.put(k.substring("producer.override.".length()), v);
            }
        });
        return p;
    }

    private Converter converter(String key, boolean isKey) {
        try {
            Converter c =
                    (Converter) Class.forName(connector.get(key, "org.apache.kafka.connect.storage.StringConverter"))
                            .getDeclaredConstructor()
                            .newInstance();
            c.configure(prefixed(key + "."), isKey);
            return c;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(connector.name() + ": cannot load " + key + ": " + e.getMessage(), e);
        }
    }

    private HeaderConverter headerConverter() {
        try {
            HeaderConverter c = (HeaderConverter) Class.forName(
                            connector.get("header.converter", "org.apache.kafka.connect.storage.SimpleHeaderConverter"))
                    .getDeclaredConstructor()
                    .newInstance();
            c.configure(prefixed("header.converter."));
            return c;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(connector.name() + ": cannot load header.converter: " + e.getMessage(), e);
        }
    }

    private Map<String, String> prefixed(String prefix) {
        Map<String, String> m = new HashMap<>();
        connector.config().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), v);
            }
        });
        return m;
    }

    /**
     * Waits until the connector's task has started, i.e. its replication slot exists, so that every
     * outbox row committed from now on is captured.
     */
    public OutboxCdc awaitCapturing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!capturing) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "CDC " + connector.name() + " did not start capturing within " + timeout);
            }
            sleep(Duration.ofMillis(20));
        }
        return this;
    }

    /** True while the connector streams from its replication slot. */
    public boolean isCapturing() {
        return capturing;
    }

    /** Events written to Kafka since this instance started. */
    public long published() {
        return published.get();
    }

    public String name() {
        return connector.name();
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops capturing; offsets are kept, so a later {@link #start()} resumes where this left off. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        DebeziumEngine<RecordChangeEvent<SourceRecord>> current = engine;
        if (current != null) {
            try {
                current.close();
            } catch (java.io.IOException e) {
                log.warn("CDC {} did not stop cleanly: {}", connector.name(), e.getMessage());
            }
        }
        runner.shutdown();
        try {
            if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
                runner.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(5));
        capturing = false;
        log.info("CDC {} stopped after publishing {} events", connector.name(), published.get());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
