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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's publication holds a service's outbox table and nothing else of its schema, so the walsender sends
 * Debezium the outbox's rows only: also when the table is created after the slot (as a service migrating after its
 * connector started does), and when an older data directory left a publication for the whole schema.
 */
class OutboxPublicationTest {

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
    void anOutboxCreatedAfterTheSlotJoinsThePublicationAloneAndItsRowsAreCaptured() throws Exception {
        OutboxCdc cdc = stack.addConnector(connector("late")).awaitCapturing(Duration.ofSeconds(60));
        assertThat(published("wushe_late_outbox")).as("no table yet").isEmpty();

        // One migration: the outbox and another table of the service, a row in each.
        try (Connection c = stack.database().connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                createOutbox(s, "late");
                s.execute("CREATE TABLE late.need (id bigserial PRIMARY KEY, body text NOT NULL)");
                s.execute("INSERT INTO late.need (body) VALUES ('not an event')");
                insertEvent(s, "late");
            }
            c.commit();
        }

        assertThat(published("wushe_late_outbox")).containsExactly("late.outbox");
        await().atMost(Duration.ofSeconds(60)).until(() -> cdc.published() == 1);

        // Dropped and made again (a test's clean, say): it joins again, and its rows are captured.
        try (Connection c = stack.database().connect();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE late.outbox");
            assertThat(published("wushe_late_outbox")).isEmpty();
            createOutbox(s, "late");
            insertEvent(s, "late");
        }
        assertThat(published("wushe_late_outbox")).containsExactly("late.outbox");
        await().atMost(Duration.ofSeconds(60)).until(() -> cdc.published() == 2);
        assertThat(published("wushe_late_outbox")).doesNotContain("late.need");
    }

    @Test
    void aPublicationOfTheWholeSchemaFromAnOlderDataDirectoryIsNarrowedToTheOutbox() throws Exception {
        try (Connection c = stack.database().connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA old");
            createOutbox(s, "old");
            s.execute("CREATE TABLE old.need (id bigserial PRIMARY KEY, body text NOT NULL)");
            s.execute("CREATE PUBLICATION wushe_old_outbox FOR TABLES IN SCHEMA old WITH (publish = 'insert')");
        }
        assertThat(published("wushe_old_outbox")).containsExactlyInAnyOrder("old.outbox", "old.need");

        OutboxCdc cdc = stack.addConnector(connector("old")).awaitCapturing(Duration.ofSeconds(60));

        assertThat(published("wushe_old_outbox")).containsExactly("old.outbox");
        try (Connection c = stack.database().connect();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO old.need (body) VALUES ('not an event')");
            insertEvent(s, "old");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> cdc.published() == 1);
    }

    /** The shipped connector for schema {@code name}: its own slot, publication and topic prefix. */
    private static ConnectorConfig connector(String name) {
        ConnectorConfig shipped = ConnectorConfig.fromClasspath("connect/community-service.json");
        Map<String, String> config = new HashMap<>(shipped.config());
        config.put("table.include.list", name + ".outbox");
        config.put("topic.prefix", "wushe.cdc." + name);
        config.put("slot.name", "wushe_" + name + "_outbox");
        config.put("publication.name", "wushe_" + name + "_outbox");
        return new ConnectorConfig(name + "-outbox", config);
    }

    private static void createOutbox(Statement s, String schema) throws SQLException {
        s.execute("CREATE TABLE " + schema + ".outbox (id uuid PRIMARY KEY, aggregatetype text NOT NULL, "
                + "aggregateid text NOT NULL, type text NOT NULL, payload bytea NOT NULL, "
                + "occurredat timestamptz NOT NULL DEFAULT now())");
    }

    private static void insertEvent(Statement s, String schema) throws SQLException {
        s.execute("INSERT INTO " + schema + ".outbox (id, aggregatetype, aggregateid, type, payload) VALUES "
                + "(gen_random_uuid(), 'bench." + schema + "', 'a-1', 'Probe', '\\x01'::bytea)");
    }

    /** The tables the publication holds, as {@code schema.table}. */
    private static List<String> published(String publication) throws SQLException {
        try (Connection c = stack.database().connect();
                PreparedStatement q = c.prepareStatement(
                        "SELECT schemaname || '.' || tablename FROM pg_publication_tables WHERE pubname = ? ORDER BY 1")) {
            q.setString(1, publication);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return tables;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
