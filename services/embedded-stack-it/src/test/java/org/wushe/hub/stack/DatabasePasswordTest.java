package org.wushe.hub.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's PostgreSQL asks every connection for the generated password (SCRAM), which lives in
 * a file only its owner may read, and its data directories are the owner's only.
 */
class DatabasePasswordTest {

    @TempDir
    Path dir;

    @Test
    void everyConnectionNeedsTheGeneratedPasswordAndTheDataIsTheOwnersOnly() throws Exception {
        Path data = dir.resolve("data");
        try (LocalStack stack = new LocalStack(LocalStack.Settings.defaults(data)
                        .withPorts(freePort(), freePort(), freePort())
                        .withConnectors(List.of()))
                .start()) {
            EmbeddedDatabase db = stack.database();
            String url = db.jdbcUrl();

            assertThat(db.passwordFile()).isEqualTo(data.resolve("postgres.password"));
            assertThat(mode(db.passwordFile())).isEqualTo("rw-------");
            assertThat(db.password())
                    .hasSizeGreaterThanOrEqualTo(32)
                    .isEqualTo(Files.readString(db.passwordFile()).strip());
            assertThat(mode(data)).as("the stack's data directory").isEqualTo("rwx------");
            assertThat(mode(data.resolve("postgres")))
                    .as("PostgreSQL's data directory")
                    .isEqualTo("rwx------");
            assertThat(mode(data.resolve("kafka"))).as("Kafka's log directory").isEqualTo("rwx------");

            assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedDatabase.USER, ""))
                    .as("no password")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedDatabase.USER, "postgres"))
                    .as("a wrong password")
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
            assertThatThrownBy(() -> DriverManager.getConnection(url, replication(EmbeddedDatabase.USER, "wrong")))
                    .as("a replication connection with a wrong password")
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));

            try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, db.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'postgres'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1))
                        .as("the superuser's password is stored as a SCRAM verifier")
                        .isTrue();
            }
            try (Connection c = DriverManager.getConnection(url, replication(EmbeddedDatabase.USER, db.password()))) {
                assertThat(c.isValid(5))
                        .as("a replication connection with the password")
                        .isTrue();
            }
            assertThat(hbaRules(data.resolve("postgres")))
                    .isNotEmpty()
                    .allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
        }
    }

    @Test
    void aDatabaseMadeBeforePasswordsAsksForOneFromItsNextStart() throws Exception {
        Path pg = dir.resolve("pg");
        int port = freePort();
        // The way the local stack initialised its database before: trust, no password.
        try (EmbeddedPostgres before = EmbeddedPostgres.builder()
                        .setDataDirectory(pg)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .start();
                Connection c = before.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('社区 kept')");
        }
        assertThat(hbaRules(pg)).anySatisfy(rule -> assertThat(rule).endsWith("trust"));

        EmbeddedDatabase db = new EmbeddedDatabase(pg, port, "postgres");
        try {
            db.start();
            String url = db.jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedDatabase.USER, ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedDatabase.USER, "wrong"))
                    .isInstanceOf(SQLException.class);
            try (Connection c = db.connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("社区 kept");
            }
            assertThat(mode(db.passwordFile())).isEqualTo("rw-------");
            assertThat(mode(pg)).isEqualTo("rwx------");
            assertThat(hbaRules(pg)).allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
        } finally {
            db.close();
        }

        // And it stays that way on the start after.
        db = new EmbeddedDatabase(pg, port, "postgres");
        try {
            db.start();
            String url = db.jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedDatabase.USER, ""))
                    .isInstanceOf(SQLException.class);
            try (Connection c = db.connect()) {
                assertThat(c.isValid(5)).isTrue();
            }
        } finally {
            db.close();
        }
    }

    @Test
    void aLostPasswordFileIsNamedInsteadOfGuessedAt() throws Exception {
        Path pg = dir.resolve("lost");
        int port = freePort();
        EmbeddedDatabase db = new EmbeddedDatabase(pg, port, "postgres");
        try {
            db.start();
        } finally {
            db.close();
        }
        Files.delete(db.passwordFile());

        EmbeddedDatabase again = new EmbeddedDatabase(pg, port, "postgres");
        try {
            assertThatThrownBy(again::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(db.passwordFile().toString())
                    .hasMessageContaining("--wipe");
            assertThat(db.passwordFile())
                    .as("no new password made up for a database that has one")
                    .doesNotExist();
        } finally {
            again.close();
        }
    }

    private static Properties replication(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("replication", "database");
        p.setProperty("assumeMinServerVersion", "10");
        p.setProperty("preferQueryMode", "simple");
        return p;
    }

    /** The rules of pg_hba.conf, without comments and blank lines. */
    private static List<String> hbaRules(Path pgData) throws IOException {
        return Files.readAllLines(pgData.resolve("pg_hba.conf")).stream()
                .map(l -> l.replaceAll("#.*", "").strip())
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
