package org.wushe.hub.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from the binaries that ship in Maven Central jars, with logical decoding on so that
 * Debezium can read each service's outbox through a replication slot. The data directory is kept
 * between runs.
 *
 * <p>Every connection needs the password ({@code scram-sha-256} in {@code pg_hba.conf}, for TCP, the
 * Unix socket and replication alike; no {@code trust}). The superuser's password is generated once into
 * {@code <data-dir>.password} beside the data directory (mode 0600) and handed out by {@link #password()}:
 * the services, the tests and the outbox connectors all get it from here. The data directory is mode 0700.
 * A data directory made before passwords (trust) gets its password and the new {@code pg_hba.conf} on
 * its next start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String USER = "postgres";

    /** Every line of {@code pg_hba.conf}, rewritten on each start: a password (SCRAM) for every connection. */
    static final String PG_HBA = """
            # Written by the Wushe Hub's EmbeddedDatabase on every start: a password (SCRAM) for every connection.
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;

    private final Path dataDir;
    private final Path passwordFile;
    private final int port;
    private final String database;
    private EmbeddedPostgres postgres;
    private Process watchdog;

    public EmbeddedDatabase(Path dataDir, int port, String database) {
        this.dataDir = dataDir;
        this.passwordFile = dataDir.resolveSibling(dataDir.getFileName() + ".password");
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
            OwnerOnly.directory(dataDir);
            // A cluster initialised before passwords (trust, no password file) keeps trust for this one start,
            // until its superuser has the password; then pg_hba.conf is replaced and reloaded (below).
            boolean trustCluster = Files.exists(dataDir.resolve("postgresql.conf")) && !Files.exists(passwordFile);
            if (trustCluster && !asksForNoPassword()) {
                throw new IllegalStateException("PostgreSQL in " + dataDir + " asks for a password, but " + passwordFile
                        + " is gone: put it back, or start from empty data (--wipe)");
            }
            String password = password();
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
                    // zonky runs "initdb -A trust -U postgres …" followed by these "--key=value" options; the
                    // later --auth wins, and the superuser gets the generated password from the file.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                    // zonky's own readiness check connects as postgres too.
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(dir -> {
                        if (!trustCluster) {
                            writeHba();
                        }
                    })
                    .start();
            if (trustCluster) {
                movePasswordsIn(password);
            }
            OwnerOnly.directory(dataDir);
            createDatabaseIfMissing();
            watchdog = startWatchdog();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start on 127.0.0.1:" + port + " (is the port free?): " + e.getMessage(), e);
        }
        log.info(
                "PostgreSQL up on {} in {} ms, data in {}",
                jdbcUrl(),
                (System.nanoTime() - began) / 1_000_000,
                dataDir);
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
            return new ProcessBuilder(
                            "/bin/sh",
                            "-c",
                            script,
                            "wushe-postgres-watchdog",
                            Long.toString(ProcessHandle.current().pid()),
                            Long.toString(postmaster))
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

    /** True if pg_hba.conf trusts local TCP connections, as data directories made before passwords did. */
    private boolean asksForNoPassword() throws IOException {
        return Files.readAllLines(dataDir.resolve("pg_hba.conf")).stream()
                .map(l -> l.replaceAll("#.*", "").trim())
                .anyMatch(l -> l.startsWith("host") && l.endsWith("trust"));
    }

    private void writeHba() {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + dataDir.resolve("pg_hba.conf"), e);
        }
    }

    /** A trust cluster from before: its superuser gets the password, then pg_hba.conf asks for it. */
    private void movePasswordsIn(String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, password);
                Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE " + USER + " PASSWORD '" + password.replace("'", "''") + "'");
            writeHba();
            s.execute("SELECT pg_reload_conf()");
        }
        log.info("PostgreSQL in {} asked for no password; from now on it does (password in {})", dataDir, passwordFile);
    }

    /**
     * The superuser's password, generated into {@code <data-dir>.password} (mode 0600) the first time it
     * is asked for, read from there afterwards. Every client of the local stack connects as {@link #USER}
     * with it.
     */
    public String password() {
        return OwnerOnly.secret(passwordFile, 24);
    }

    /** The file that holds {@link #password()}, beside the data directory. */
    public Path passwordFile() {
        return passwordFile;
    }

    public Path dataDir() {
        return dataDir;
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, password());
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
        return DriverManager.getConnection(jdbcUrl(), USER, password());
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
