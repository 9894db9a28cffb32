package org.wushe.hub.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Memory of the whole stack, from {@code /proc}: this JVM (the broker, the Debezium engines and the load
 * generator), each service JVM (a descendant whose command line runs its exec jar), and PostgreSQL (the
 * postmaster named in {@code postmaster.pid} and its backends, plus any descendant called {@code postgres}).
 * RSS counts pages shared between processes in each of them (PostgreSQL's shared buffers in every backend);
 * PSS splits them, so the PSS total is the stack's real footprint.
 */
final class StackMemory {

    /** One process, or one group of processes (PostgreSQL). MiB; -1 when unreadable. */
    record Row(String name, List<Long> pids, long rssMiB, long hwmMiB, long pssMiB) {}

    record Snapshot(
            String when,
            List<Row> rows,
            long rssTotalMiB,
            long pssTotalMiB,
            long heapUsedMiB,
            long heapCommittedMiB,
            long heapMaxMiB,
            List<String> notes) {}

    private StackMemory() {}

    /**
     * @param services exec jar file name → the service's name in the report
     * @param postgresDataDir PostgreSQL's data directory (holds {@code postmaster.pid})
     */
    static Snapshot take(String when, Map<String, String> services, Path postgresDataDir) {
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        rows.add(row(
                "bench JVM (Kafka broker, Debezium, load)",
                List.of(ProcessHandle.current().pid())));
        StackProcesses found = StackProcesses.find(services, postgresDataDir);
        if (found.postgres().size() > found.descendantPostgres()) {
            notes.add(
                    (found.postgres().size() - found.descendantPostgres()) + " of "
                            + found.postgres().size() + " PostgreSQL processes are"
                            + " not descendants of this JVM (pg_ctl starts the postmaster detached); found through postmaster.pid");
        }
        found.services().forEach((name, pids) -> {
            if (pids.isEmpty()) {
                notes.add("no process found for " + name);
            } else {
                rows.add(row(name, pids));
            }
        });
        Row pg = row("PostgreSQL", found.postgres());
        rows.add(new Row(
                "PostgreSQL (" + pg.pids().size() + " processes)", pg.pids(), pg.rssMiB(), pg.hwmMiB(), pg.pssMiB()));
        if (!found.others().isEmpty()) {
            rows.add(row("other descendants: " + String.join(", ", found.otherNames()), found.others()));
        }
        long rss = 0;
        long pss = 0;
        for (Row r : rows) {
            rss += Math.max(0, r.rssMiB());
            pss += Math.max(0, r.pssMiB());
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Snapshot(
                when, rows, rss, pss, heap.getUsed() >> 20, heap.getCommitted() >> 20, heap.getMax() >> 20, notes);
    }

    private static Row row(String name, List<Long> pids) {
        long rss = 0;
        long hwm = 0;
        long pss = 0;
        boolean pssReadable = true;
        List<Long> alive = new ArrayList<>();
        for (long pid : pids) {
            Optional<Long> r = kb(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
            if (r.isEmpty()) {
                continue; // gone since it was listed (e.g. a short-lived backend), or a kernel thread
            }
            alive.add(pid);
            rss += r.get();
            hwm += kb(Path.of("/proc", Long.toString(pid), "status"), "VmHWM:").orElse(0L);
            Optional<Long> p = kb(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
            pssReadable &= p.isPresent();
            pss += p.orElse(0L);
        }
        return new Row(name, alive, rss >> 10, hwm >> 10, pssReadable && !alive.isEmpty() ? pss >> 10 : -1);
    }

    private static Optional<Long> kb(Path file, String prefix) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(prefix)) {
                    return Optional.of(Long.parseLong(
                            line.substring(prefix.length()).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return Optional.empty();
    }
}
