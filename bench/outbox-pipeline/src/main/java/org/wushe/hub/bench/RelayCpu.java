package org.wushe.hub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Predicate;
import org.wushe.hub.stack.LocalStack;

/**
 * CPU time a relay spends, which a busy machine disturbs far less than its wall-clock rate: the CPU of the relay's
 * threads in this JVM (by name) and of the walsender process that serves its replication slot (from /proc, in clock
 * ticks of 10 ms). Threads that ended between two readings are not counted.
 */
final class RelayCpu {

    private final Predicate<String> threads;
    private final LocalStack stack;
    private final String slot;

    RelayCpu(Predicate<String> threads, LocalStack stack, String slot) {
        this.threads = threads;
        this.stack = stack;
        this.slot = slot;
    }

    /** Debezium's threads, the engine's handler pool, and the CDC bridge's producer. */
    static Predicate<String> debezium() {
        return n -> n.contains("debezium") || n.startsWith("pool-") || n.startsWith("cdc-") || n.contains("| cdc-");
    }

    /** The pgoutput relay's thread and its producer. */
    static Predicate<String> pgoutput() {
        return n -> n.startsWith("pgoutput-relay") || n.contains("bench-pgoutput-relay");
    }

    /** Nanoseconds of CPU so far: [JVM threads, walsender]. */
    long[] read() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long jvm = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (threads.test(t.getName())) {
                long cpu = mx.getThreadCpuTime(t.getId());
                if (cpu > 0) {
                    jvm += cpu;
                }
            }
        }
        return new long[] {jvm, walsender()};
    }

    private long walsender() {
        try (Connection c = stack.database().connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT active_pid FROM pg_replication_slots WHERE slot_name = ?")) {
            ps.setString(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getObject(1) == null) {
                    return 0;
                }
                String[] stat = Files.readString(Path.of("/proc/" + rs.getInt(1) + "/stat"))
                        .replaceFirst("^.*\\) ", "")
                        .split(" ");
                // after "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based), so 11 and 12 here
                long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                return ticks * 10_000_000L; // USER_HZ = 100
            }
        } catch (Exception e) {
            return 0;
        }
    }
}
