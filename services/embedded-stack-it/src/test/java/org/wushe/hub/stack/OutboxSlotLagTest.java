package org.wushe.hub.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outbox that gets no rows, beside a table of the same database that takes many writes: with the
 * heartbeats of the shipped connector files the outbox's replication slot follows the write-ahead log
 * (its lag, {@code pg_current_wal_lsn() - confirmed_flush_lsn}, stays below a bound); without them the
 * slot stays where it was created and pins every byte written since.
 *
 * <p>The writer is paced (20 rows of 1 kB every 20 ms, about 1.3 MB of WAL a second) so that the bound
 * means the same on a busy machine: {@value #BOUND} bytes are about three seconds of writes, the
 * heartbeat comes every half second.
 */
class OutboxSlotLagTest {

    static final long BOUND = 4L * 1024 * 1024;

    @TempDir
    static Path dir;

    static LocalStack stack;

    @BeforeAll
    static void start() throws IOException {
        stack = new LocalStack(LocalStack.Settings.defaults(dir)
                        .withPorts(freePort(), freePort(), freePort())
                        .withConnectors(List.of()))
                .start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aQuietOutboxBesideABusyTableKeepsItsSlotsLagBounded() throws Exception {
        ConnectorConfig shipped = ConnectorConfig.fromClasspath("connect/community-service.json");
        assertThat(Long.parseLong(shipped.get("heartbeat.interval.ms")))
                .as("the shipped files beat")
                .isPositive();
        assertThat(shipped.get("heartbeat.action.query")).contains("pg_logical_emit_message");
        // The shipped configuration, beating every half second instead of every ten.
        OutboxCdc cdc = stack.addConnector(quietOutbox(shipped, "beating", Map.of("heartbeat.interval.ms", "500")))
                .awaitCapturing(Duration.ofSeconds(60));

        Lag lag = writeBesideTheOutbox("wushe_beating_outbox");

        assertThat(lag.written()).as("WAL written beside the quiet outbox").isGreaterThanOrEqualTo(3 * BOUND);
        assertThat(lag.max())
                .as("the slot's largest lag over %d samples: %s", lag.samples().size(), lag.samples())
                .isLessThan(BOUND);
        assertThat(cdc.published())
                .as("the outbox got no rows, and no heartbeat reached Kafka")
                .isZero();
    }

    @Test
    void withoutHeartbeatsTheSameSlotPinsTheWal() throws Exception {
        ConnectorConfig shipped = ConnectorConfig.fromClasspath("connect/community-service.json");
        stack.addConnector(quietOutbox(shipped, "silent", Map.of("heartbeat.interval.ms", "0")))
                .awaitCapturing(Duration.ofSeconds(60));

        Lag lag = writeBesideTheOutbox("wushe_silent_outbox");

        assertThat(lag.max())
                .as("without heartbeats the slot keeps all %d bytes written: %s", lag.written(), lag.samples())
                .isGreaterThanOrEqualTo(2 * BOUND);
    }

    /** The shipped connector for a schema of its own ({@code <name>.outbox}, slot and publication of its own). */
    private static ConnectorConfig quietOutbox(ConnectorConfig shipped, String name, Map<String, String> overrides)
            throws SQLException {
        try (Connection c = stack.database().connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + name);
            s.execute(
                    "CREATE TABLE IF NOT EXISTS " + name + ".outbox (id uuid PRIMARY KEY, aggregatetype text NOT NULL, "
                            + "aggregateid text NOT NULL, type text NOT NULL, payload bytea NOT NULL, occurredat timestamptz NOT NULL DEFAULT now())");
        }
        Map<String, String> config = new java.util.HashMap<>(shipped.config());
        config.put("table.include.list", name + ".outbox");
        config.put("topic.prefix", "wushe.cdc." + name);
        config.put("slot.name", "wushe_" + name + "_outbox");
        config.put("publication.name", "wushe_" + name + "_outbox");
        config.putAll(overrides);
        return new ConnectorConfig(name + "-outbox", config);
    }

    record Lag(long written, long max, List<Long> samples) {}

    /**
     * Writes to {@code public.busy} (not in any publication) until 4 × {@link #BOUND} bytes of WAL are
     * written, sampling the slot's lag all along.
     */
    private Lag writeBesideTheOutbox(String slot) throws Exception {
        try (Connection c = stack.database().connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS public.busy (id bigserial PRIMARY KEY, body text NOT NULL)");
        }
        long start = currentLsn();
        AtomicLong failures = new AtomicLong();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        Connection w = stack.database().connect();
        w.setAutoCommit(false);
        PreparedStatement insert = w.prepareStatement(
                "INSERT INTO public.busy (body) SELECT repeat(md5(random()::text), 32) FROM generate_series(1, 20)");
        writer.scheduleAtFixedRate(
                () -> {
                    try {
                        insert.executeUpdate();
                        w.commit();
                    } catch (SQLException e) {
                        failures.incrementAndGet();
                    }
                },
                0,
                20,
                TimeUnit.MILLISECONDS);
        List<Long> samples = new ArrayList<>();
        AtomicLong max = new AtomicLong();
        AtomicLong written = new AtomicLong();
        try {
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        long lag = lag(slot);
                        samples.add(lag);
                        max.accumulateAndGet(lag, Math::max);
                        written.set(currentLsn() - start);
                        return written.get() >= 4 * BOUND;
                    });
        } finally {
            writer.shutdownNow();
            writer.awaitTermination(10, TimeUnit.SECONDS);
            w.close();
        }
        assertThat(failures.get()).as("failed writes").isZero();
        Lag result = new Lag(written.get(), max.get(), samples);
        System.out.printf(
                "slot %s: %,d bytes of WAL written beside it in %d samples, largest lag %,d bytes, last %,d%n",
                slot, result.written(), samples.size(), result.max(), samples.get(samples.size() - 1));
        return result;
    }

    private static long lag(String slot) throws SQLException {
        try (Connection c = stack.database().connect();
                PreparedStatement q = c.prepareStatement(
                        "SELECT (pg_current_wal_lsn() - confirmed_flush_lsn)::bigint FROM pg_replication_slots WHERE slot_name = ?")) {
            q.setString(1, slot);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("slot %s exists", slot).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static long currentLsn() throws SQLException {
        try (Connection c = stack.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
