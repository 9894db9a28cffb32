package org.wushe.hub.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Memory of the whole stack, from {@code /proc}: this JVM (the broker, the Debezium engines and the load
 * generator), each service JVM (a descendant whose command line runs its exec jar), and PostgreSQL (the
 * postmaster named in {@code postmaster.pid} and its backends, plus any descendant called {@code postgres}).
 * RSS counts pages shared between processes in each of them (PostgreSQL's shared buffers in every backend);
 * PSS splits them, so the PSS total is the stack's real footprint.
 */
final class StackMemory {

    /** One process, or one group of processes (PostgreSQL). MiB; -1 when unreadable. */
    record Row(String name, List<Long> pids, long rssMiB, long hwmMiB, long pssMiB) {
    }

    record Snapshot(String when, List<Row> rows, long rssTotalMiB, long pssTotalMiB, long heapUsedMiB, long heapCommittedMiB,
                    long heapMaxMiB, List<String> notes) {
    }

    private StackMemory() {
    }

    /**
     * @param services exec jar file name → the service's name in the report
     * @param postgresDataDir PostgreSQL's data directory (holds {@code postmaster.pid})
     */
    static Snapshot take(String when, Map<String, String> services, Path postgresDataDir) {
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        rows.add(row("bench JVM (Kafka broker, Debezium, load)", List.of(self)));

        Map<String, List<Long>> byService = new LinkedHashMap<>();
        services.values().forEach(name -> byService.put(name, new ArrayList<>()));
        Set<Long> postgres = new LinkedHashSet<>();
        List<Long> others = new ArrayList<>();
        Set<String> otherNames = new java.util.TreeSet<>();
        ProcessHandle.current().descendants().forEach(p -> {
            long pid = p.pid();
            String cmdline = cmdline(pid);
            String comm = read(Path.of("/proc", Long.toString(pid), "comm")).map(String::strip).orElse("");
            for (Map.Entry<String, String> s : services.entrySet()) {
                if (cmdline.contains(s.getKey())) {
                    byService.get(s.getValue()).add(pid);
                    return;
                }
            }
            if (comm.equals("postgres") || cmdline.startsWith("postgres")) {
                postgres.add(pid);
            } else {
                others.add(pid);
                otherNames.add(comm.isEmpty() ? "?" : comm);
            }
        });
        int descendantPostgres = postgres.size();
        postmaster(postgresDataDir).ifPresent(master -> {
            postgres.add(master.pid());
            master.descendants().forEach(d -> postgres.add(d.pid()));
        });
        if (postgres.size() > descendantPostgres) {
            notes.add((postgres.size() - descendantPostgres) + " of " + postgres.size() + " PostgreSQL processes are not descendants of this"
                    + " JVM (pg_ctl starts the postmaster detached); found through postmaster.pid");
        }
        byService.forEach((name, pids) -> {
            if (pids.isEmpty()) {
                notes.add("no process found for " + name);
            } else {
                rows.add(row(name, pids));
            }
        });
        Row pg = row("PostgreSQL", List.copyOf(postgres));
        rows.add(new Row("PostgreSQL (" + pg.pids().size() + " processes)", pg.pids(), pg.rssMiB(), pg.hwmMiB(), pg.pssMiB()));
        if (!others.isEmpty()) {
            rows.add(row("other descendants: " + String.join(", ", otherNames), others));
        }
        long rss = 0;
        long pss = 0;
        for (Row r : rows) {
            rss += Math.max(0, r.rssMiB());
            pss += Math.max(0, r.pssMiB());
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Snapshot(when, rows, rss, pss, heap.getUsed() >> 20, heap.getCommitted() >> 20, heap.getMax() >> 20, notes);
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

    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> kb(Path file, String prefix) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(prefix)) {
                    return Optional.of(Long.parseLong(line.substring(prefix.length()).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return Optional.empty();
    }
}
