package org.wushe.hub.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default on one machine: a KRaft Kafka broker, PostgreSQL with logical decoding, and
 * one Debezium outbox connector per service. Used by {@code deploy/local/start} and by the
 * integration tests, so both run exactly the same parts.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /** The services whose outbox connectors ship in {@code deploy/connect/}. */
    public static final List<String> SERVICES = List.of(
            "community-service",
            "organization-service",
            "social-worker-service",
            "volunteer-service",
            "resource-service",
            "matching-service");

    private final Settings settings;
    private final EmbeddedKafka kafka;
    private final EmbeddedDatabase database;
    private final Map<String, OutboxCdc> connectors = new LinkedHashMap<>();

    /**
     * @param externalKafka bootstrap servers of a Kafka cluster to use instead of the embedded broker, or null
     * @param replication   replication factor of the topics the outbox connectors create (1 for the embedded broker)
     */
    public record Settings(
            Path dataDir,
            int kafkaPort,
            int controllerPort,
            int postgresPort,
            String databaseName,
            boolean wipe,
            List<ConnectorConfig> connectors,
            String externalKafka,
            int replication) {
        public static Settings defaults(Path dataDir) {
            return new Settings(dataDir, 9092, 9093, 15432, "wushe", false, shippedConnectors(), null, 1);
        }

        public Settings withWipe(boolean wipe) {
            return new Settings(
                    dataDir,
                    kafkaPort,
                    controllerPort,
                    postgresPort,
                    databaseName,
                    wipe,
                    connectors,
                    externalKafka,
                    replication);
        }

        public Settings withPorts(int kafka, int controller, int postgres) {
            return new Settings(
                    dataDir, kafka, controller, postgres, databaseName, wipe, connectors, externalKafka, replication);
        }

        public Settings withConnectors(List<ConnectorConfig> list) {
            return new Settings(
                    dataDir,
                    kafkaPort,
                    controllerPort,
                    postgresPort,
                    databaseName,
                    wipe,
                    list,
                    externalKafka,
                    replication);
        }

        /** Kafka runs elsewhere (e.g. a three-node cluster): no embedded broker; topics replicated {@code replication} times. */
        public Settings withExternalKafka(String bootstrapServers, int replication) {
            return new Settings(
                    dataDir,
                    kafkaPort,
                    controllerPort,
                    postgresPort,
                    databaseName,
                    wipe,
                    connectors,
                    bootstrapServers,
                    replication);
        }
    }

    public LocalStack(Settings settings) {
        this.settings = settings;
        this.kafka = settings.externalKafka() != null
                ? EmbeddedKafka.external(settings.externalKafka())
                : new EmbeddedKafka(
                        settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.controllerPort());
        this.database = new EmbeddedDatabase(
                settings.dataDir().resolve("postgres"), settings.postgresPort(), settings.databaseName());
    }

    /** The connector configurations of every service, as checked in under {@code deploy/connect/}. */
    public static List<ConnectorConfig> shippedConnectors() {
        List<ConnectorConfig> list = new ArrayList<>();
        for (String service : SERVICES) {
            list.add(ConnectorConfig.fromClasspath("connect/" + service + ".json"));
        }
        return list;
    }

    public LocalStack start() {
        long began = System.nanoTime();
        if (settings.wipe()) {
            wipe(settings.dataDir());
        }
        // The data (Kafka's log, the database, the CDC offsets, keys and passwords) is the owner's only.
        OwnerOnly.directory(settings.dataDir());
        // Kafka and PostgreSQL do not need each other: start them side by side.
        CompletableFuture<EmbeddedDatabase> db = CompletableFuture.supplyAsync(database::start, runnable -> {
            Thread t = new Thread(runnable, "local-stack-postgres-start");
            t.setDaemon(true);
            t.start();
        });
        try {
            kafka.start();
        } catch (RuntimeException e) {
            db.whenComplete((started, failed) -> database.close());
            throw e;
        }
        try {
            db.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        for (ConnectorConfig connector : settings.connectors()) {
            addConnector(connector);
        }
        log.info("Local stack up in {} ms", (System.nanoTime() - began) / 1_000_000);
        return this;
    }

    /** Starts one more outbox connector (its configuration is pointed at the local database first). */
    public synchronized OutboxCdc addConnector(ConnectorConfig connector) {
        OutboxCdc cdc = new OutboxCdc(
                connector.forLocal(database, settings.replication()),
                database.jdbcUrl(),
                kafka.bootstrapServers(),
                OwnerOnly.directory(settings.dataDir().resolve("cdc")));
        connectors.put(connector.name(), cdc);
        return cdc.start();
    }

    public OutboxCdc connector(String name) {
        OutboxCdc cdc = connectors.get(name);
        if (cdc == null) {
            throw new IllegalArgumentException("no connector named " + name + "; running: " + connectors.keySet());
        }
        return cdc;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        connectors.values().forEach(OutboxCdc::stop);
        connectors.clear();
        kafka.close();
        database.close();
    }

    static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        log.info("Wiping {}", dir);
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}
