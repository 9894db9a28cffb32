package org.wushe.hub.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.schemas.SchemaCatalog;
import org.wushe.hub.stack.ConnectorConfig;
import org.wushe.hub.stack.LocalStack;
import org.wushe.hub.stack.OutboxCdc;

/**
 * End-to-end benchmark of the transactional outbox (OutboxWriter → PostgreSQL → Debezium → Kafka)
 * against a raw Kafka producer on the same embedded broker, in one JVM on one machine. See README.md.
 */
public final class OutboxPipelineBenchmark {

    static final String CONNECTOR_RESOURCE = "connect/community-service.json";
    static final String CONNECTOR = "community-outbox";
    static final String SCHEMA = "community";
    static final String RAW_TOPIC = "wushe.bench.raw-kafka";
    /** Distinct needs (aggregate ids, so Kafka keys) the events cycle over. */
    static final int NEEDS = 1_000;
    /** The alternative relay's (--direct-relay) outbox schema, and the prefix of the topics it writes. */
    static final String DIRECT_SCHEMA = "bench_direct";

    static final String DIRECT_TOPIC_PREFIX = "wushe.bench-direct.";

    private final Options options;
    private final long started = System.nanoTime();

    private OutboxPipelineBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.HelpRequested e) {
            System.out.print(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        int exit;
        try {
            exit = new OutboxPipelineBenchmark(options).run();
        } catch (BenchmarkFailure e) {
            failed(e);
            exit = 1;
        } catch (Throwable e) {
            failed(e);
            exit = 1;
        }
        System.out.flush();
        System.exit(exit);
    }

    private static void failed(Throwable e) {
        System.out.flush();
        System.err.println();
        System.err.println("==================================================================");
        System.err.println("BENCHMARK FAILED: " + e.getMessage());
        System.err.println("==================================================================");
        if (!(e instanceof BenchmarkFailure) || e.getCause() != null) {
            e.printStackTrace();
        }
    }

    private int run() throws Exception {
        AvroTrust.install();
        AvroEventCodec codec = new AvroEventCodec(SchemaCatalog.load());
        ConnectorConfig connector = ConnectorConfig.fromClasspath(CONNECTOR_RESOURCE);
        if (!options.connectorOverrides().isEmpty()) {
            connector = connector.with(options.connectorOverrides());
        }
        header(connector);

        Path dataDir = Files.createTempDirectory("wushe-bench-outbox-");
        int[] ports = freePorts(3);
        LocalStack.Settings settings = LocalStack.Settings.defaults(dataDir)
                .withWipe(true)
                .withPorts(ports[0], ports[1], ports[2])
                .withConnectors(List.of(connector));
        LocalStack stack = new LocalStack(settings);
        Thread hook = new Thread(stack::close, "bench-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        HikariDataSource dataSource = null;
        HikariDataSource bareSource = null;
        HikariDataSource directSource = null;
        PgOutputRelay relay = null;
        RawKafkaPath raw = null;
        try {
            stack.start();
            OutboxCdc cdc = stack.connector(CONNECTOR);
            awaitCapturing(stack, cdc, connector.get("slot.name"));
            progress(
                    "stack up: Kafka %s, PostgreSQL %s, Debezium %s capturing %s",
                    stack.kafka().bootstrapServers(), stack.database().jdbcUrl(), CONNECTOR, connector.outboxTable());

            dataSource = dataSource(stack, options.synchronousCommit(), SCHEMA);
            Map<String, String> pg = postgresSettings(stack, dataSource);
            progress(
                    "PostgreSQL: server synchronous_commit=%s, wal_writer_delay=%s, fsync=%s; writer sessions synchronous_commit=%s%s",
                    pg.get("server.synchronous_commit"),
                    pg.get("wal_writer_delay"),
                    pg.get("fsync"),
                    pg.get("writer.synchronous_commit"),
                    options.synchronousCommit() == null ? " (as the stack runs it)" : " (SET by --synchronous-commit)");
            if ("off".equals(pg.get("writer.synchronous_commit"))) {
                progress(
                        "NOTE: commits return before their WAL is flushed, and Debezium decodes only flushed WAL: each event waits");
                progress(
                        "      for the WAL writer (every wal_writer_delay=%s) before CDC sees it. Compare --synchronous-commit on.",
                        pg.get("wal_writer_delay"));
            }
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(SCHEMA)
                    .locations("classpath:db/wushe-platform")
                    .load()
                    .migrate();
            // The bare baseline's schema: the same migration, in a schema no publication holds.
            bareSource = dataSource(stack, options.synchronousCommit(), BareWrites.SCHEMA);
            Flyway.configure()
                    .dataSource(bareSource)
                    .schemas(BareWrites.SCHEMA)
                    .locations("classpath:db/wushe-platform")
                    .load()
                    .migrate();
            OutboxWriter writer = new OutboxWriter(new JdbcTemplate(dataSource), codec, Clock.systemUTC());
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            NeedEventFactory factory = new NeedEventFactory(NEEDS, 20261123L);
            String bootstrap = stack.kafka().bootstrapServers();
            OutboxPath outbox = new OutboxPath(bootstrap, cdc, writer, tx, factory)
                    .measuringCpu(new RelayCpu(RelayCpu.debezium(), stack, connector.get("slot.name")));
            BareWrites bare = new BareWrites(
                    new OutboxWriter(new JdbcTemplate(bareSource), codec, Clock.systemUTC()),
                    new TransactionTemplate(new DataSourceTransactionManager(bareSource)),
                    factory);

            // The first event creates wushe.community.need (the CDC bridge creates topics from the
            // connector's topic.creation.default.*); the baseline topic copies its settings.
            outbox.probe();
            TopicShape shape = topicShape(bootstrap, OutboxPath.TOPIC);
            createTopic(bootstrap, RAW_TOPIC, shape);
            progress(
                    "topic %s: %d partitions, %s; baseline topic %s created alike",
                    OutboxPath.TOPIC, shape.partitions(), shape.configs(), RAW_TOPIC);

            // Warm-up, both paths, discarded: JIT, connection pools, producer/consumer metadata, the
            // slot's first decoding. The outbox warm-up also yields the record shape the baseline copies.
            int warm = options.warmupEvents();
            int warmLatency = options.warmupLatencyEvents();
            if (warm > 0) {
                outbox.throughput("warm-up outbox burst", warm, options.batch());
                bare.throughput("warm-up bare inserts", warm, options.batch());
            }
            if (warmLatency > 0) {
                outbox.latency("warm-up outbox paced", warmLatency, options.rate());
            }
            if (outbox.lastSample() == null) {
                outbox.throughput("record shape", 10, options.batch()); // no warm-up asked for: still need one record
            }
            raw = new RawKafkaPath(bootstrap, RAW_TOPIC, connector, codec, factory, outbox.lastSample());
            if (warm > 0) {
                raw.throughput("warm-up raw burst", warm);
            }
            if (warmLatency > 0) {
                raw.latency("warm-up raw paced", warmLatency, options.rate());
            }
            OutboxPath direct = null;
            if (options.directRelay()) {
                // The alternative relay's own outbox table, publication and (temporary) slot, so that Debezium's
                // slot decodes and drops its WAL as it does the bare round's, and the topics stay apart.
                directSource = dataSource(stack, options.synchronousCommit(), DIRECT_SCHEMA);
                Flyway.configure()
                        .dataSource(directSource)
                        .schemas(DIRECT_SCHEMA)
                        .locations("classpath:db/wushe-platform")
                        .load()
                        .migrate();
                try (Connection c = stack.database().connect();
                        java.sql.Statement s = c.createStatement()) {
                    s.execute("CREATE PUBLICATION " + DIRECT_SCHEMA + "_outbox FOR TABLE " + DIRECT_SCHEMA
                            + ".outbox WITH (publish = 'insert')");
                }
                String directTopic =
                        DIRECT_TOPIC_PREFIX + Aggregate.NEED.topic().substring("wushe.".length());
                createTopic(bootstrap, directTopic, shape);
                relay = new PgOutputRelay(
                        stack.database().jdbcUrl(),
                        "postgres",
                        stack.database().password(),
                        DIRECT_SCHEMA + "_slot",
                        DIRECT_SCHEMA + "_outbox",
                        bootstrap,
                        RawKafkaPath.producerProperties(bootstrap, connector),
                        DIRECT_TOPIC_PREFIX,
                        connector.get("transforms.ceSource.value.literal", ""));
                PgOutputRelay r = relay;
                direct = new OutboxPath(
                                bootstrap,
                                directTopic,
                                r::published,
                                new OutboxWriter(new JdbcTemplate(directSource), codec, Clock.systemUTC()),
                                new TransactionTemplate(new DataSourceTransactionManager(directSource)),
                                factory)
                        .measuringCpu(new RelayCpu(RelayCpu.pgoutput(), stack, DIRECT_SCHEMA + "_slot"));
                if (warm > 0) {
                    direct.throughput("warm-up pgoutput relay burst", warm, options.batch());
                }
                if (warmLatency > 0) {
                    direct.latency("warm-up pgoutput relay paced", warmLatency, options.rate());
                }
                progress("pgoutput relay (PgJDBC, no Debezium) up on topic %s, warmed up", directTopic);
            }
            progress(
                    "warm-up done and discarded: %,d burst + %,d paced events per path (exactly once checked)",
                    warm, warmLatency);

            Measurements.Throughput rawThroughput = raw.throughput("raw Kafka throughput", options.events());
            progress(
                    "raw Kafka     throughput: %,d events in %,.0f ms -> %,.0f events/s",
                    options.events(), rawThroughput.elapsedNanos() / 1e6, rawThroughput.eventsPerSecond());
            Measurements.Latency rawLatency = raw.latency("raw Kafka latency", options.latencyEvents(), options.rate());
            progress(
                    "raw Kafka     latency:    %,d records at %.0f/s -> p50 %.2f ms, p99 %.2f ms",
                    options.latencyEvents(), rawLatency.achievedRate(), rawLatency.p50Ms(), rawLatency.p99Ms());
            // PostgreSQL's bare rate right before the pipeline's burst, so both see the same machine.
            Measurements.Bare bareWrites =
                    bare.throughput("bare inserts and commits", options.events(), options.batch());
            progress(
                    "bare inserts  throughput: %,d events in %,.0f ms -> %,.0f events/s (no publication holds the table)",
                    options.events(), bareWrites.elapsedNanos() / 1e6, bareWrites.eventsPerSecond());
            Measurements.Throughput outboxThroughput =
                    outbox.throughput("outbox pipeline throughput", options.events(), options.batch());
            long[] outboxCpu = outbox.lastCpuPerEvent();
            progress(
                    "outbox        throughput: %,d events in %,.0f ms -> %,.0f events/s (exactly once)",
                    options.events(), outboxThroughput.elapsedNanos() / 1e6, outboxThroughput.eventsPerSecond());
            Measurements.Latency outboxLatency =
                    outbox.latency("outbox pipeline latency", options.latencyEvents(), options.rate());
            progress(
                    "outbox        latency:    %,d transactions at %.0f/s -> p50 %.2f ms, p99 %.2f ms (exactly once)",
                    options.latencyEvents(),
                    outboxLatency.achievedRate(),
                    outboxLatency.p50Ms(),
                    outboxLatency.p99Ms());

            Report.Direct directFigures = null;
            if (direct != null) {
                Measurements.Bare bareAgain = bare.throughput(
                        "bare inserts and commits (before the pgoutput relay)", options.events(), options.batch());
                progress(
                        "bare inserts  throughput: %,d events in %,.0f ms -> %,.0f events/s (again, before the pgoutput relay)",
                        options.events(), bareAgain.elapsedNanos() / 1e6, bareAgain.eventsPerSecond());
                Measurements.Throughput directThroughput =
                        direct.throughput("pgoutput relay throughput", options.events(), options.batch());
                progress(
                        "pgoutput relay throughput: %,d events in %,.0f ms -> %,.0f events/s (exactly once)",
                        options.events(), directThroughput.elapsedNanos() / 1e6, directThroughput.eventsPerSecond());
                Measurements.Latency directLatency =
                        direct.latency("pgoutput relay latency", options.latencyEvents(), options.rate());
                progress(
                        "pgoutput relay latency:    %,d transactions at %.0f/s -> p50 %.2f ms, p99 %.2f ms (exactly once)",
                        options.latencyEvents(),
                        directLatency.achievedRate(),
                        directLatency.p50Ms(),
                        directLatency.p99Ms());
                directFigures = new Report.Direct(bareAgain, directThroughput, directLatency, direct.lastCpuPerEvent());
            }

            Map<String, Object> memory = Resources.memory(dataDir.resolve("postgres"));
            List<String> headerKeys = new ArrayList<>();
            outbox.lastSample().headers().forEach(h -> headerKeys.add(h.key()));
            Report report = new Report(
                            options,
                            connector,
                            shape,
                            pg,
                            headerKeys,
                            rawThroughput,
                            rawLatency,
                            outboxThroughput,
                            outboxLatency,
                            bareWrites,
                            memory)
                    .withDirect(directFigures)
                    .withCpu(outboxCpu);
            System.out.println();
            System.out.print(report.text());
            Path json = options.json().toAbsolutePath();
            report.writeJson(json);
            System.out.println("figures written to " + json);
        } finally {
            progress("stopping the stack");
            if (raw != null) {
                raw.close();
            }
            if (dataSource != null) {
                dataSource.close();
            }
            if (bareSource != null) {
                bareSource.close();
            }
            if (relay != null) {
                relay.close();
            }
            if (directSource != null) {
                directSource.close();
            }
            stack.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
            if (options.keepData()) {
                progress("data kept in %s", dataDir);
            } else {
                delete(dataDir);
            }
        }
        progress("done");
        return 0;
    }

    private void header(ConnectorConfig connector) {
        Runtime.Version v = Runtime.version();
        System.out.printf("Wushe Hub outbox pipeline benchmark 发件箱管道基准%n");
        System.out.printf(
                "  JDK %s (%s), %d cores, max heap %,d MiB, %s%n",
                v,
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                Instant.now());
        System.out.printf(
                "  rounds: %,d events burst (outbox: transactions of %,d), %,d single events at %,d/s; warm-up %,d + %,d per path%n",
                options.events(),
                options.batch(),
                options.latencyEvents(),
                options.rate(),
                options.warmupEvents(),
                options.warmupLatencyEvents());
        System.out.printf(
                "  connector %s: poll.interval.ms=%s max.batch.size=%s max.queue.size=%s%s%n",
                connector.name(),
                connector.get("poll.interval.ms", "500 (default)"),
                connector.get("max.batch.size", "2048 (default)"),
                connector.get("max.queue.size", "8192 (default)"),
                options.connectorOverrides().isEmpty()
                        ? " (as shipped in deploy/connect)"
                        : "  OVERRIDDEN: " + options.connectorOverrides());
        System.out.println();
    }

    void progress(String format, Object... args) {
        System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, String.format(format, args));
    }

    private static void awaitCapturing(LocalStack stack, OutboxCdc cdc, String slot) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (cdc.isCapturing() && slotActive(stack, slot)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new BenchmarkFailure("Debezium did not start capturing within 90 s (slot " + slot + ")");
    }

    private static boolean slotActive(LocalStack stack, String slot) throws Exception {
        try (Connection c = stack.database().connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
            ps.setString(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static HikariDataSource dataSource(LocalStack stack, String synchronousCommit, String schema) {
        HikariConfig config = new HikariConfig();
        if (synchronousCommit != null) {
            config.setConnectionInitSql("SET synchronous_commit = " + synchronousCommit); // validated by Options
        }
        config.setPoolName("bench-" + schema);
        config.setJdbcUrl(stack.database().jdbcUrl() + "?currentSchema=" + schema);
        config.setUsername("postgres");
        config.setPassword(stack.database().password());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** The settings that decide when a commit becomes visible to logical decoding. */
    private static Map<String, String> postgresSettings(LocalStack stack, HikariDataSource writer) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Connection c = stack.database().connect();
                java.sql.Statement s = c.createStatement()) {
            for (String name : List.of("synchronous_commit", "wal_writer_delay", "fsync", "wal_level")) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    m.put(name.equals("synchronous_commit") ? "server.synchronous_commit" : name, rs.getString(1));
                }
            }
        }
        try (Connection c = writer.getConnection();
                java.sql.Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            m.put("writer.synchronous_commit", rs.getString(1));
        }
        return m;
    }

    record TopicShape(int partitions, Map<String, String> configs) {}

    private static TopicShape topicShape(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicDescription d = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource);
            Map<String, String> set = new TreeMap<>();
            for (ConfigEntry e : config.entries()) {
                if (e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                    set.put(e.name(), e.value());
                }
            }
            return new TopicShape(d.partitions().size(), set);
        }
    }

    private static void createTopic(String bootstrap, String topic, TopicShape shape) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, shape.partitions(), (short) 1).configs(shape.configs())))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static int[] freePorts(int n) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a file the stack still holds; the OS cleans the temp dir
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
