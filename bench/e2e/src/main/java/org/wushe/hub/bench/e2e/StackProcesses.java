package org.wushe.hub.bench.e2e;

import java.io.IOException;
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
import java.util.TreeSet;

/**
 * The stack's processes by role, from {@code /proc}: this JVM (the broker, the Debezium engines and the load generator),
 * each service JVM (a descendant whose command line runs its exec jar), and PostgreSQL (the postmaster named in
 * {@code postmaster.pid} and its backends, plus any descendant called {@code postgres}). {@link StackMemory} and
 * {@link StackCpu} read their figures from the same grouping.
 *
 * @param services           service name → its pids (empty when none was found)
 * @param postgres           the PostgreSQL processes, the postmaster first when it was found
 * @param postmaster         the postmaster's pid, or -1
 * @param descendantPostgres how many of {@code postgres} are descendants of this JVM (pg_ctl detaches the postmaster)
 * @param others             any other descendant, and their command names
 */
record StackProcesses(
        Map<String, List<Long>> services,
        List<Long> postgres,
        long postmaster,
        int descendantPostgres,
        List<Long> others,
        Set<String> otherNames) {

    /**
     * @param jars            exec jar file name → the service's name in the report
     * @param postgresDataDir PostgreSQL's data directory (holds {@code postmaster.pid})
     */
    static StackProcesses find(Map<String, String> jars, Path postgresDataDir) {
        Map<String, List<Long>> byService = new LinkedHashMap<>();
        jars.values().stream().sorted().forEach(name -> byService.put(name, new ArrayList<>()));
        Set<Long> postgres = new LinkedHashSet<>();
        List<Long> others = new ArrayList<>();
        Set<String> otherNames = new TreeSet<>();
        ProcessHandle.current().descendants().forEach(p -> {
            long pid = p.pid();
            String cmdline = cmdline(pid);
            String comm = read(Path.of("/proc", Long.toString(pid), "comm"))
                    .map(String::strip)
                    .orElse("");
            for (Map.Entry<String, String> s : jars.entrySet()) {
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
        int descendants = postgres.size();
        long master = postmaster(postgresDataDir).map(ProcessHandle::pid).orElse(-1L);
        List<Long> pg = new ArrayList<>();
        if (master > 0) {
            pg.add(master);
            postgres.remove(master);
            ProcessHandle.of(master).ifPresent(m -> m.descendants().forEach(d -> postgres.add(d.pid())));
            postgres.remove(master);
        }
        pg.addAll(postgres);
        return new StackProcesses(byService, List.copyOf(pg), master, descendants, List.copyOf(others), otherNames);
    }

    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String cmdline(long pid) {
        try {
            return new String(
                            Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
