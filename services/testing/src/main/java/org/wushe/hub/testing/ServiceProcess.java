package org.wushe.hub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wushe.hub.stack.LaunchedService;
import org.wushe.hub.stack.ServiceLauncher;

/**
 * Another service of the hub, started from its Spring Boot exec jar as a child JVM and pointed at the
 * {@link TestStack} exactly as production points it at Kafka and PostgreSQL: by environment
 * ({@code SERVER_PORT}, {@code SPRING_DATASOURCE_URL} with the service's schema,
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}, {@code SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS}). The
 * service's outbox connector is started first, so every event it writes is captured. Returns once
 * {@code /actuator/health} answers UP; otherwise fails with the tail of the child's log. The child is
 * stopped by {@link #close()} or, at the latest, when the test JVM exits (even when it is killed).
 *
 * <p>The launching itself is wushe-embedded-stack's {@link ServiceLauncher}, the same code
 * {@code deploy/local/start} runs the hub with.
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
    private static final int START_ATTEMPTS = 3;

    private final LaunchedService child;

    private ServiceProcess(LaunchedService child) {
        this.child = child;
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
                } catch (LaunchedService.StartFailed e) {
                    if (!e.portTaken() || attempt == START_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }

        private ServiceProcess launch() {
            String name = ServiceLauncher.serviceName(jar);
            int port = freePort();
            Path dir = Path.of("target", "service-processes").toAbsolutePath();
            Path work = dir.resolve(name + "-" + port);
            try {
                Files.createDirectories(work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LaunchedService child = ServiceLauncher.forJar(jar)
                    .port(port)
                    .database(TestStack.get().database(), schema)
                    .kafka(TestStack.bootstrapServers())
                    // Files a service keeps by itself (e.g. a generated key) stay under target/.
                    .env("WUSHE_DATA_DIR", work.resolve("data").toString())
                    // It trusts the tests' token signer, as production trusts its OIDC issuer.
                    .env(
                            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
                            TestTokens.publicKeyLocation())
                    .env(env)
                    .jvmArgs(jvmArgs)
                    .args(args)
                    .workDir(work)
                    .log(dir.resolve(name + "-" + port + ".log"))
                    .launch();
            try {
                child.awaitHealthy(startTimeout);
            } catch (RuntimeException e) {
                child.stop(STOP_GRACE);
                throw e;
            }
            return new ServiceProcess(child);
        }
    }

    /** The port the service listens on (127.0.0.1). */
    public int port() {
        return child.port();
    }

    public String baseUrl() {
        return child.baseUrl();
    }

    public Http http() {
        return new Http(child.port());
    }

    /** The child's stdout and stderr. */
    public Path log() {
        return child.log();
    }

    public boolean isAlive() {
        return child.isAlive();
    }

    /** The last lines of the child's log, for failure messages. */
    public String logTail() {
        return child.logTail();
    }

    /** Stops the child: a normal termination first (Spring closes cleanly), then by force. */
    @Override
    public void close() {
        child.stop(STOP_GRACE);
    }

    @Override
    public String toString() {
        return child.toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
