package org.wushe.hub.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL killed with SIGKILL comes back on the same data, with every committed row (crash recovery). */
class EmbeddedDatabaseCrashTest {

    @TempDir
    Path dir;

    @Test
    void restartAfterCrashRecoversEveryCommittedRow() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedDatabase db = new EmbeddedDatabase(dir.resolve("pg"), port, "crash");
        try {
            db.start();
            try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (n int)");
                s.execute("INSERT INTO kept SELECT generate_series(1, 1000)");
            }
            long postmaster = db.postmasterPid();
            assertThat(ProcessHandle.of(postmaster).orElseThrow().destroyForcibly())
                    .isTrue();
            ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());

            db.restartAfterCrash(Duration.ofSeconds(60));

            assertThat(db.postmasterPid()).isNotEqualTo(postmaster);
            try (Connection c = db.connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1000);
            }
        } finally {
            db.close();
        }
    }
}
