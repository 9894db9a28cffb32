package org.wushe.hub.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service child JVM started by {@link ServiceLauncher}. Every one still running when this JVM exits
 * normally (Ctrl-C included) is stopped by a shutdown hook; {@link ParentWatch} covers the cases where
 * no hook runs.
 */
public final class LaunchedService implements AutoCloseable {

    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 80;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<LaunchedService> RUNNING = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> stopAll(List.copyOf(RUNNING), DEFAULT_STOP_GRACE), "launched-services-shutdown"));
    }

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private LaunchedService(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static LaunchedService register(String name, Process process, int port, Path log) {
        LaunchedService s = new LaunchedService(name, process, port, log);
        RUNNING.add(s);
        return s;
    }

    /** Why a child did not become healthy; {@link #portTaken()} when another program had its port. */
    public static final class StartFailed extends IllegalStateException {
        private final String service;
        private final boolean portTaken;

        StartFailed(String service, String message, boolean portTaken) {
            super(message);
            this.service = service;
            this.portTaken = portTaken;
        }

        public String service() {
            return service;
        }

        public boolean portTaken() {
            return portTaken;
        }
    }

    /**
     * Waits until {@code /actuator/health} answers UP. Throws {@link StartFailed}, with the tail of the
     * child's log, when the child exits first or the time is up (the child is left running then: stop it).
     */
    public LaunchedService awaitHealthy(Duration timeout) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (true) {
            if (!process.isAlive()) {
                String tail = logTail();
                boolean portTaken = tail.contains("Port " + port + " was already in use")
                        || tail.contains("Address already in use");
                throw new StartFailed(
                        name,
                        name + " exited with code " + process.exitValue() + " before it was healthy (port " + port
                                + ")." + " Log " + log + ", last lines:\n" + tail,
                        portTaken);
            }
            try {
                HttpResponse<String> r =
                        client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                last = "HTTP " + r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && "UP".equals(status(r.body()))) {
                    return this;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailed(name, "interrupted while waiting for " + name, false);
            }
            if (System.nanoTime() > deadline) {
                throw new StartFailed(
                        name,
                        name + " was not healthy within " + timeout.toSeconds() + " s at " + baseUrl()
                                + "/actuator/health (last: " + abbreviate(last) + "). Log " + log + ", last lines:\n"
                                + logTail(),
                        false);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailed(name, "interrupted while waiting for " + name, false);
            }
        }
    }

    private static String status(String body) {
        try {
            JsonNode status = JSON.readTree(body).get("status");
            return status == null ? null : status.asText();
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The port the service listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The child's stdout and stderr. */
    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the child to end by itself; its exit code, or -1 if it still runs after {@code timeout}. */
    public int waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** The exit code once the child has ended, else -1. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Resident set size of the child now (Linux {@code /proc}); -1 when unknown. */
    public long rssBytes() {
        return ProcessMemory.rssBytes(process.pid());
    }

    /** The last lines of the child's log, for failure messages. */
    public String logTail() {
        return logTail(LOG_TAIL_LINES);
    }

    public String logTail(int lines) {
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            Deque<String> tail = new ArrayDeque<>(lines);
            all.forEach(line -> {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
            return String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Asks the child to stop (SIGTERM: Spring's graceful shutdown); returns at once. */
    public void requestStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** Stops the child: a normal termination first, then by force after {@code grace}; and anything it started. */
    public void stop(Duration grace) {
        RUNNING.remove(this);
        if (!process.isAlive()) {
            return;
        }
        Set<ProcessHandle> children = Set.copyOf(process.descendants().toList());
        process.destroy();
        awaitExit(grace);
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void awaitExit(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Stops several at once: all are asked to stop together, then each is awaited (and forced after {@code grace}). */
    public static void stopAll(Collection<LaunchedService> services, Duration grace) {
        List<LaunchedService> list = List.copyOf(services);
        RUNNING.removeAll(list);
        List<ProcessHandle> children = list.stream()
                .filter(LaunchedService::isAlive)
                .flatMap(s -> s.process.descendants())
                .toList();
        list.forEach(LaunchedService::requestStop);
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (LaunchedService s : list) {
                long left = Math.max(0, deadline - System.nanoTime());
                s.process.waitFor(left, TimeUnit.NANOSECONDS);
            }
            for (LaunchedService s : list) {
                if (s.process.isAlive()) {
                    System.err.println(s.name + " did not stop within " + grace.toSeconds() + " s: killing it");
                    s.process.destroyForcibly();
                }
            }
            for (LaunchedService s : list) {
                s.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            list.forEach(s -> s.process.destroyForcibly());
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        stop(DEFAULT_STOP_GRACE);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", " + baseUrl() + ", log " + log + ")";
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
