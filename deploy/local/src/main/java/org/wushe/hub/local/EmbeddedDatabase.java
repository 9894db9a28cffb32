package org.wushe.hub.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from the binaries that ship in Maven Central jars, with logical decoding on so that
 * Debezium can read each service's outbox through a replication slot. The data directory is kept
 * between runs.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String USER = "postgres";

    private final Path dataDir;
    private final int port;
    private final String database;
    private EmbeddedPostgres postgres;
    private Process watchdog;

    public EmbeddedDatabase(Path dataDir, int port, String database) {
        this.dataDir = dataDir;
        this.port = port;
        this.database = database;
    }

    public synchronized EmbeddedDatabase start() {
        if (postgres != null) {
            return this;
        }
        long began = System.nanoTime();
        Ports.requireFree(port, "PostgreSQL");
        try {
            Files.createDirectories(dataDir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // Stopped by close() — after the services, in deploy/local/start — or by the watchdog
                    // when this JVM ends without closing it; zonky's own hook would stop it too early.
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "20")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("timezone", "UTC")
                    // zonky turns this off; production commits are durable and Debezium only decodes
                    // flushed WAL, so "off" would add up to wal_writer_delay (200 ms) to every event.
                    .setServerConfig("synchronous_commit", "on")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            createDatabaseIfMissing();
            watchdog = startWatchdog();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("PostgreSQL did not start on 127.0.0.1:" + port + " (is the port free?): " + e.getMessage(), e);
        }
        log.info("PostgreSQL up on {} in {} ms, data in {}", jdbcUrl(), (System.nanoTime() - began) / 1_000_000, dataDir);
        return this;
    }

    /**
     * After the postmaster died (a crash, {@code kill -9}): starts PostgreSQL again on the same data
     * directory and port, which runs crash recovery from the write-ahead log, so every committed
     * transaction is back. Tries for up to {@code timeout}: the old server processes may hold the port or
     * the shared memory for a moment after their postmaster is gone.
     */
    public synchronized void restartAfterCrash(Duration timeout) {
        if (watchdog != null) {
            watchdog.descendants().forEach(ProcessHandle::destroy);
            watchdog.destroy();
            watchdog = null;
        }
        if (postgres != null) {
            try {
                // Releases zonky's lock on the data directory; its "pg_ctl stop" finds no server (logged, not thrown).
                postgres.close();
            } catch (IOException | RuntimeException e) {
                log.debug("closing the crashed server's handle: {}", e.toString());
            }
            postgres = null;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int attempts = 0;
        while (true) {
            try {
                start();
                return;
            } catch (RuntimeException e) {
                postgres = null;
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                log.warn("PostgreSQL not up again yet ({}); retrying", e.toString(), attempts++ == 0 ? e : null);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * PostgreSQL runs as its own process (pg_ctl detaches it), so a JVM killed without running its
     * shutdown hooks would leave it behind. A small shell loop, started here, stops it (fast shutdown)
     * within a second of this JVM's end; {@link #close()} ends the loop.
     */
    private Process startWatchdog() {
        long postmaster = postmasterPid();
        if (postmaster <= 0 || !Files.isExecutable(Path.of("/bin/sh"))) {
            return null;
        }
        String script = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; kill -INT \"$2\" 2>/dev/null";
        try {
            return new ProcessBuilder("/bin/sh", "-c", script, "wushe-postgres-watchdog",
                    Long.toString(ProcessHandle.current().pid()), Long.toString(postmaster))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            log.warn("No watchdog for PostgreSQL (it may outlive a killed JVM): {}", e.getMessage());
            return null;
        }
    }

    /** The postmaster's pid from {@code postmaster.pid}, or -1. */
    public long postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + database + "\" ENCODING 'UTF8'");
            }
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
        if (watchdog != null) {
            watchdog.descendants().forEach(ProcessHandle::destroy);
            watchdog.destroy();
            watchdog = null;
        }
        postgres = null;
        log.info("PostgreSQL stopped");
    }
}
