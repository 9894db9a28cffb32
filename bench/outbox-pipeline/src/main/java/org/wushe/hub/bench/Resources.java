package org.wushe.hub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Memory of this JVM (heap, RSS) and of the embedded PostgreSQL, which runs as separate processes. */
final class Resources {

    private Resources() {}

    static Map<String, Object> memory(Path postgresDataDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        m.put("heapUsedMiB", heap.getUsed() >> 20);
        m.put("heapCommittedMiB", heap.getCommitted() >> 20);
        m.put("heapMaxMiB", heap.getMax() >> 20);
        m.put("rssMiB", statusKb("self", "VmRSS").map(kb -> kb >> 10).orElse(-1L));
        m.put("rssPeakMiB", statusKb("self", "VmHWM").map(kb -> kb >> 10).orElse(-1L));
        List<Long> pids = postgresPids(postgresDataDir);
        long pss = 0;
        long rss = 0;
        for (long pid : pids) {
            pss += rollupKb(pid, "Pss").orElse(0L);
            rss += statusKb(String.valueOf(pid), "VmRSS").orElse(0L);
        }
        Map<String, Object> pg = new LinkedHashMap<>();
        pg.put("processes", pids.size());
        pg.put("pssMiB", pss >> 10);
        pg.put("rssSumMiB", rss >> 10);
        m.put("postgres", pg);
        return m;
    }

    /** The postmaster (first line of postmaster.pid) and its backends. */
    private static List<Long> postgresPids(Path dataDir) {
        List<Long> pids = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            long postmaster = Long.parseLong(lines.get(0).trim());
            ProcessHandle.of(postmaster).ifPresent(p -> {
                pids.add(p.pid());
                p.descendants().forEach(d -> pids.add(d.pid()));
            });
        } catch (IOException | RuntimeException e) {
            // not found: reported as 0 processes
        }
        return pids;
    }

    private static Optional<Long> statusKb(String pid, String field) {
        return fieldKb(Path.of("/proc", pid, "status"), field + ":");
    }

    private static Optional<Long> rollupKb(long pid, String field) {
        return fieldKb(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), field + ":");
    }

    private static Optional<Long> fieldKb(Path file, String prefix) {
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
