package org.wushe.hub.bench.e2e;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CPU time of the stack's processes from {@code /proc} (utime + stime, in clock ticks), taken before and after a
 * step so that each process's share of one need can be printed: each service JVM, PostgreSQL (every backend alive,
 * plus what the postmaster's exited children used: its cutime + cstime), and this JVM split by thread name into the
 * Kafka broker, the outbox relay (Debezium's engines and their producers) and the rest (load generator, taps, and
 * the JVM's own GC and compiler threads, which serve all three). The machine's busy time from {@code /proc/stat} is
 * taken too, so that CPU used by anything outside the stack during a step shows.
 */
final class StackCpu {

    static final String BROKER = "Kafka broker";
    static final String RELAY = "relay (Debezium + CDC producer)";
    static final String BENCH = "load, taps, bench JVM's GC/JIT";
    static final String POSTGRES = "PostgreSQL";
    /** Ticks per second of utime/stime; Linux reports USER_HZ, 100 on every common build. */
    private static final double HZ = userHz();

    /** A reading: CPU milliseconds per group, the machine's busy and total milliseconds (all cores), and when. */
    record Sample(
            long nanos,
            Map<String, Double> ms,
            double machineBusyMs,
            double machineTotalMs,
            Map<String, Double> benchThreads) {}

    /** One step's CPU: per group, milliseconds per need created; the stack's total; the machine's busy cores over the step. */
    record PerNeed(
            String label,
            int needs,
            Map<String, Double> msPerNeed,
            double stackMsPerNeed,
            double stackCores,
            double machineCores,
            double outsideCores) {}

    private StackCpu() {}

    static Sample take(Map<String, String> jars, Path postgresDataDir) {
        StackProcesses found = StackProcesses.find(jars, postgresDataDir);
        Map<String, Double> ms = new LinkedHashMap<>();
        ms.put(BROKER, 0.0);
        ms.put(RELAY, 0.0);
        ms.put(BENCH, 0.0);
        found.services()
                .forEach((name, pids) -> ms.put(
                        name,
                        pids.stream().mapToDouble(pid -> ticks(pid, false)).sum() * 1000 / HZ));
        double pg = 0;
        for (long pid : found.postgres()) {
            pg += ticks(pid, pid == found.postmaster());
        }
        ms.put(POSTGRES, pg * 1000 / HZ);
        Map<String, Double> threads = benchThreads();
        threads.forEach(
                (thread, used) -> ms.merge(threadGroup(thread.substring(thread.indexOf(' ') + 1)), used, Double::sum));
        long[] machine = machine();
        return new Sample(System.nanoTime(), ms, machine[0] * 1000 / HZ, machine[1] * 1000 / HZ, threads);
    }

    static PerNeed perNeed(String label, int needs, Sample before, Sample after) {
        Map<String, Double> per = new LinkedHashMap<>();
        double stack = 0;
        for (Map.Entry<String, Double> e : after.ms().entrySet()) {
            double used = Math.max(0, e.getValue() - before.ms().getOrDefault(e.getKey(), 0.0));
            stack += used;
            per.put(e.getKey(), needs == 0 ? Double.NaN : used / needs);
        }
        double wallMs = (after.nanos() - before.nanos()) / 1e6;
        double machineBusy = after.machineBusyMs() - before.machineBusyMs();
        return new PerNeed(
                label,
                needs,
                per,
                needs == 0 ? Double.NaN : stack / needs,
                stack / wallMs,
                machineBusy / wallMs,
                Math.max(0, machineBusy - stack) / wallMs);
    }

    static String header(List<String> groups) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-9s %6s |", "CPU ms/need", ""));
        for (String g : groups) {
            b.append(String.format(Locale.ROOT, " %10s", shortName(g)));
        }
        return b.append(String.format(
                        Locale.ROOT, " | %8s | %11s %11s %11s", "stack", "stack cores", "machine", "outside"))
                .toString();
    }

    static String line(PerNeed p) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-9s %6d |", p.label(), p.needs()));
        p.msPerNeed().values().forEach(v -> b.append(String.format(Locale.ROOT, " %10.2f", v)));
        return b.append(String.format(
                        Locale.ROOT,
                        " | %8.2f | %11.2f %11.2f %11.2f",
                        p.stackMsPerNeed(),
                        p.stackCores(),
                        p.machineCores(),
                        p.outsideCores()))
                .toString();
    }

    private static String shortName(String group) {
        return switch (group) {
            case BROKER -> "broker";
            case RELAY -> "relay";
            case BENCH -> "load+jvm";
            case POSTGRES -> "postgres";
            default -> group.replace("-service", "");
        };
    }

    /** This JVM's threads ("tid name" → CPU ms); a thread that ended since the last reading takes its time with it. */
    private static Map<String, Double> benchThreads() {
        Map<String, Double> ms = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String comm = StackProcesses.read(task.resolve("comm"))
                        .map(String::strip)
                        .orElse("?");
                stat(task.resolve("stat"))
                        .ifPresent(t -> ms.put(task.getFileName() + " " + comm, (t[0] + t[1]) * 1000 / HZ));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no split
        }
        return ms;
    }

    /** This JVM's busiest threads between two readings, by name (threads of one name summed), with their group. */
    static String busiestThreads(Sample before, Sample after, int n) {
        Map<String, Double> byName = new TreeMap<>();
        after.benchThreads().forEach((thread, used) -> {
            String name = thread.substring(thread.indexOf(' ') + 1).replaceAll("[0-9]+$", "#");
            byName.merge(name, used - before.benchThreads().getOrDefault(thread, 0.0), Double::sum);
        });
        double wallS = (after.nanos() - before.nanos()) / 1e9;
        StringBuilder b = new StringBuilder();
        byName.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(n)
                .forEach(e -> b.append(String.format(
                        Locale.ROOT,
                        "  %-16s %-32s %8.0f ms  %5.1f%% of a core%n",
                        e.getKey(),
                        threadGroup(e.getKey()),
                        e.getValue(),
                        e.getValue() / wallS / 10)));
        return b.toString();
    }

    /**
     * The group of a thread by its name as the kernel keeps it (the first 15 characters): the CDC engines' threads
     * ({@code cdc-<connector>}, Debezium's own, its offset store, and its engines' task and record pools, the only
     * executors with default {@code pool-N-thread-M} names in this JVM) and their producers' network threads (the only
     * producers here while the steps run: the raw Kafka round is over by then); the embedded broker's threads; the
     * rest is the load generator, the taps, the SSE reader and the JVM's own threads.
     */
    static String threadGroup(String comm) {
        String c = comm.toLowerCase(Locale.ROOT);
        if (c.startsWith("cdc-")
                || c.startsWith("debezium")
                || c.startsWith("kafka-producer")
                || c.startsWith("change-event")
                || c.startsWith("blocking-snaps")
                || c.startsWith("fileoffsetback")
                || c.startsWith("pool-")) {
            return RELAY;
        }
        if (c.startsWith("kafka-taps") || c.startsWith("kafka-coordinat")) {
            return BENCH;
        }
        if (c.startsWith("data-plane")
                || c.startsWith("kafka-")
                || c.startsWith("raft")
                || c.startsWith("broker-")
                || c.startsWith("controller-")
                || c.startsWith("replicafetche")
                || c.startsWith("expirationreap")
                || c.startsWith("quorum")
                || c.startsWith("group-coordin")
                || c.startsWith("logdirfailure")
                || c.startsWith("metadata")
                || c.startsWith("transaction")
                || c.startsWith("share-")
                || c.startsWith("executor-")
                || c.startsWith("processor-")
                || c.startsWith("socket-server")
                || c.startsWith("log-cleaner")
                || c.startsWith("kraft")
                || c.startsWith("node-")) {
            return BROKER;
        }
        return BENCH;
    }

    /** utime + stime of a process, plus its waited-for children's (cutime + cstime) when asked. */
    private static double ticks(long pid, boolean withChildren) {
        return stat(Path.of("/proc", Long.toString(pid), "stat"))
                .map(t -> t[0] + t[1] + (withChildren ? t[2] + t[3] : 0))
                .orElse(0L);
    }

    /** utime, stime, cutime, cstime from a stat file; empty when it cannot be read (the process or thread is gone). */
    private static Optional<long[]> stat(Path file) {
        return StackProcesses.read(file).flatMap(StackCpu::parseStat);
    }

    /** utime, stime, cutime, cstime: fields 14–17 of a stat line, after the command name in parentheses (which may hold spaces). */
    static Optional<long[]> parseStat(String line) {
        int close = line.lastIndexOf(')');
        if (close < 0) {
            return Optional.empty();
        }
        String[] f = line.substring(close + 1).trim().split("\\s+");
        if (f.length < 15) {
            return Optional.empty();
        }
        // f[0] is field 3 (state): utime is field 14, so f[11].
        return Optional.of(
                new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])
                });
    }

    /** The machine's busy and total ticks, all cores, from the first line of {@code /proc/stat}. */
    private static long[] machine() {
        return StackProcesses.read(Path.of("/proc/stat"))
                .map(s -> {
                    String[] f = s.lines().findFirst().orElse("cpu").trim().split("\\s+");
                    long total = 0;
                    long idle = 0;
                    for (int i = 1; i < f.length && i <= 8; i++) {
                        long v = Long.parseLong(f[i]);
                        total += v;
                        if (i == 4 || i == 5) {
                            idle += v; // idle, iowait
                        }
                    }
                    return new long[] {total - idle, total};
                })
                .orElse(new long[] {0, 0});
    }

    private static double userHz() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 ? Double.parseDouble(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
