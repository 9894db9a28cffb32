package org.wushe.hub.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka in KRaft mode (broker and controller in one process), bound to 127.0.0.1.
 * The log directory is formatted on first start only, so topics and offsets survive a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final int nodeId;
    private final String voters;
    private final String clusterId;
    private final int replication;
    private final String external;
    private KafkaRaftServer server;

    /** The single node of the embedded default. */
    public EmbeddedKafka(Path logDir, int port, int controllerPort) {
        this(logDir, port, controllerPort, 1, "1@127.0.0.1:" + controllerPort, null, 1);
    }

    /**
     * One node (broker and controller) of a cluster: {@code voters} as {@code controller.quorum.voters}
     * ({@code 1@127.0.0.1:9093,2@…}), the same {@code clusterId} on every node, and {@code replication}
     * as the default replication factor of every topic (with {@code min.insync.replicas} one less, at least 1).
     */
    public EmbeddedKafka(
            Path logDir, int port, int controllerPort, int nodeId, String voters, String clusterId, int replication) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.nodeId = nodeId;
        this.voters = voters;
        this.clusterId = clusterId;
        this.replication = replication;
        this.external = null;
    }

    private EmbeddedKafka(String bootstrapServers) {
        this.logDir = null;
        this.port = -1;
        this.controllerPort = -1;
        this.nodeId = -1;
        this.voters = null;
        this.clusterId = null;
        this.replication = -1;
        this.external = bootstrapServers;
    }

    /** A cluster that runs elsewhere: nothing is started or stopped here, only its address is handed on. */
    public static EmbeddedKafka external(String bootstrapServers) {
        return new EmbeddedKafka(bootstrapServers);
    }

    public boolean isExternal() {
        return external != null;
    }

    public synchronized EmbeddedKafka start() {
        if (server != null || external != null) {
            return this;
        }
        long began = System.nanoTime();
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "the Kafka controller");
        try {
            Files.createDirectories(logDir);
            OwnerOnly.directory(logDir);
            Properties props = brokerProperties();
            formatIfNeeded();
            server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            server.startup();
        } catch (IOException e) {
            throw new IllegalStateException("Kafka could not prepare " + logDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Kafka did not start on 127.0.0.1:" + port + " (is the port free?): " + e.getMessage(), e);
        }
        log.info(
                "Kafka (KRaft) up on {} in {} ms, data in {}",
                bootstrapServers(),
                (System.nanoTime() - began) / 1_000_000,
                logDir);
        return this;
    }

    private void formatIfNeeded() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setNodeId(nodeId)
                    .setClusterId(
                            clusterId != null ? clusterId : Uuid.randomUuid().toString())
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
            log.info("Formatted a new KRaft log directory {}", logDir);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Could not format the KRaft log directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        // Internal topics and every topic created without a factor: replicated `replication` times, and a
        // write acknowledged by all (acks=all) needs one replica fewer in sync (one node may be down).
        String rf = String.valueOf(replication);
        String minIsr = String.valueOf(Math.max(1, replication - 1));
        p.put("default.replication.factor", rf);
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", rf);
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("group.initial.rebalance.delay.ms", "0");
        // As in production: topics are created on purpose (by the CDC bridge or the binder), never by a typo.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "3");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("log.retention.hours", "168");
        return p;
    }

    public String bootstrapServers() {
        return external != null ? external : "127.0.0.1:" + port;
    }

    public int replication() {
        return replication;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (server == null || external != null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka stopped");
    }
}
