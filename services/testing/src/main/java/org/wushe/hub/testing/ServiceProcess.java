package org.wushe.hub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * Another service of the hub, started from its Spring Boot exec jar as a child JVM and pointed at the
 * {@link TestStack} exactly as production points it at Kafka and PostgreSQL: by environment
 * ({@code SERVER_PORT}, {@code SPRING_DATASOURCE_URL} with the service's schema,
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}, {@code SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS}). The
 * service's outbox connector is started first, so every event it writes is captured. Returns once
 * {@code /actuator/health} answers UP; otherwise fails with the tail of the child's log. The child is
 * stopped by {@link #close()} or, at the latest, when the test JVM exits.
 *
 * <pre>{@code
 * ServiceProcess community = ServiceProcess.builder(Path.of(System.getProperty("wushe.test.community-service.jar")), "community")
 *         .env("WUSHE_COMMUNITY_RESIDENT_KEY", key)
 *         .start();
 * Http http = community.http();
 * }</pre>
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final int LOG_TAIL_LINES = 80;
    private static final int START_ATTEMPTS = 3;
    private static final List<ServiceProcess> RUNNING = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ServiceProcess::close), "service-process-shutdown"));
    }

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A service from its exec jar, with its database schema (and outbox connector) {@code schema}. */
    public static Builder builder(Path execJar, String schema) {
        return new Builder(execJar, schema);
    }

    /** Starts the service with the defaults: {@code -Xmx512m}, no extra settings. */
    public static ServiceProcess start(Path execJar, String schema) {
        return builder(execJar, schema).start();
    }

    public static final class Builder {
        private final Path jar;
        private final String schema;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx512m"));
        private final List<String> args = new ArrayList<>();
        private Duration startTimeout = DEFAULT_START_TIMEOUT;

        private Builder(Path jar, String schema) {
            this.jar = jar;
            this.schema = schema;
        }

        /** An environment variable for the child, e.g. {@code WUSHE_COMMUNITY_RESIDENT_KEY}; overrides a default. */
        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /** An extra JVM option (after {@code -Xmx512m}, so a later {@code -Xmx} wins). */
        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        /** A program argument, e.g. {@code --wushe.community.maintenance-interval=PT1H}. */
        public Builder arg(String arg) {
            args.add(arg);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            startTimeout = timeout;
            return this;
        }

        /**
         * Starts the service and waits until it is healthy. A free port found now can be taken before
         * the child binds it: then it is started again on another port.
         */
        public ServiceProcess start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No exec jar at " + jar.toAbsolutePath() + ": build it first, e.g. "
                        + "./mvnw -pl <the service's module> -am install -DskipTests");
            }
            // The service's outbox connector captures before the service writes its first row.
            TestStack.connector(schema);
            for (int attempt = 1; ; attempt++) {
                try {
                    return launch();
                } catch (PortTaken e) {
                    if (attempt == START_ATTEMPTS) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }
            }
        }

        private ServiceProcess launch() {
            String name = serviceName(jar);
            int port = freePort();
            Path dir = Path.of("target", "service-processes").toAbsolutePath();
            Path log = dir.resolve(name + "-" + port + ".log");
            Path work = dir.resolve(name + "-" + port);
            try {
                Files.createDirectories(work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }

            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArgs);
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            command.addAll(args);

            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> e = pb.environment();
            // Settings of the parent's environment that would point the child elsewhere.
            e.keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("WUSHE_") || k.equals("SERVER_PORT")
                    || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
            e.put("SERVER_PORT", Integer.toString(port));
            e.put("SPRING_DATASOURCE_URL", TestStack.get().database().jdbcUrl() + "?currentSchema=" + schema);
            e.put("SPRING_DATASOURCE_USERNAME", "postgres");
            e.put("SPRING_DATASOURCE_PASSWORD", "");
            e.put("SPRING_FLYWAY_SCHEMAS", schema);
            e.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", TestStack.bootstrapServers());
            e.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", TestStack.bootstrapServers());
            // Files a service keeps by itself (e.g. a generated key) stay under target/.
            e.put("WUSHE_DATA_DIR", work.resolve("data").toString());
            e.putAll(env);

            Process process;
            try {
                process = pb.start();
            } catch (IOException ex) {
                throw new UncheckedIOException("Could not start " + String.join(" ", command), ex);
            }
            ServiceProcess service = new ServiceProcess(name, process, port, log);
            RUNNING.add(service);
            try {
                service.awaitHealthy(startTimeout);
            } catch (RuntimeException ex) {
                service.close();
                throw ex;
            }
            return service;
        }
    }

    /** Thrown when the child could not bind its port; the builder tries another. */
    private static final class PortTaken extends RuntimeException {
        PortTaken(String message) {
            super(message);
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build();
        String[] last = {"no answer yet"};
        try {
            await().atMost(timeout).pollDelay(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    String tail = logTail();
                    String message = name + " exited with code " + process.exitValue() + " before it was healthy (port " + port + ")."
                            + " Log " + log + ", last lines:\n" + tail;
                    if (tail.contains("Port " + port + " was already in use") || tail.contains("Address already in use")) {
                        throw new PortTaken(message);
                    }
                    throw new IllegalStateException(message);
                }
                try {
                    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    last[0] = "HTTP " + r.statusCode() + " " + r.body();
                    return r.statusCode() == 200 && "UP".equals(status(r.body()));
                } catch (IOException notYet) {
                    last[0] = notYet.toString();
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " was not healthy within " + timeout.toSeconds() + " s at " + baseUrl()
                    + "/actuator/health (last: " + abbreviate(last[0]) + "). Log " + log + ", last lines:\n" + logTail());
        }
    }

    private static String status(String body) {
        try {
            JsonNode status = Http.JSON.readTree(body).get("status");
            return status == null ? null : status.asText();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The port the service listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Http http() {
        return new Http(port);
    }

    /** The child's stdout and stderr. */
    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the child's log, for failure messages. */
    public String logTail() {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            Deque<String> tail = new ArrayDeque<>(LOG_TAIL_LINES);
            lines.forEach(line -> {
                if (tail.size() == LOG_TAIL_LINES) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
            return String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the child: a normal termination first (Spring closes cleanly), then by force. */
    @Override
    public void close() {
        RUNNING.remove(this);
        if (!process.isAlive()) {
            return;
        }
        Set<ProcessHandle> children = Set.copyOf(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", " + baseUrl() + ", log " + log + ")";
    }

    /** community-service-0.1.0-SNAPSHOT-exec.jar → community-service. */
    private static String serviceName(Path jar) {
        String file = jar.getFileName().toString().replaceFirst("\\.jar$", "").replaceFirst("-exec$", "");
        return file.replaceFirst("-\\d+(\\.\\d+)*(-SNAPSHOT)?$", "");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
