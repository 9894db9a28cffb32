package org.wushe.hub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.wushe.hub.stack.ConnectorConfig;
import org.wushe.hub.stack.EmbeddedDatabase;
import org.wushe.hub.stack.LocalStack;
import org.wushe.hub.stack.OutboxCdc;

/**
 * The real embedded stack (KRaft Kafka, PostgreSQL, Debezium) shared by the integration tests of one
 * JVM, on free ports and a fresh data directory under {@code target/}. A service's outbox connector is
 * started from its shipped configuration in {@code deploy/connect/} the first time a test asks for
 * the service's schema, so the tests exercise exactly what production runs.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void stack(DynamicPropertyRegistry registry) {
 *     TestStack.register(registry, "community");
 * }
 * }</pre>
 */
public final class TestStack {

    private static final java.time.Duration CAPTURE_TIMEOUT = java.time.Duration.ofSeconds(60);
    private static LocalStack stack;

    private TestStack() {}

    public static synchronized LocalStack get() {
        if (stack == null) {
            Path dir = Path.of("target", "test-stack-" + ProcessHandle.current().pid())
                    .toAbsolutePath();
            // A free port found now can be taken before it is bound (the broker's own client
            // connections use ephemeral ports too): try again with other ports.
            for (int attempt = 1; stack == null; attempt++) {
                LocalStack candidate = new LocalStack(LocalStack.Settings.defaults(dir)
                        .withWipe(true)
                        .withPorts(freePort(), freePort(), freePort())
                        .withConnectors(List.of()));
                try {
                    stack = candidate.start();
                } catch (IllegalStateException portTaken) {
                    candidate.close();
                    if (attempt == 3 || !String.valueOf(portTaken.getMessage()).contains("in use")) {
                        throw portTaken;
                    }
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "test-stack-shutdown"));
        }
        return stack;
    }

    /**
     * The outbox connector of a service schema (e.g. {@code community}), started on first use; returns
     * once its replication slot exists, so nothing written afterwards can be missed.
     */
    public static synchronized OutboxCdc connector(String schema) {
        LocalStack s = get();
        String name = schema + "-outbox";
        OutboxCdc cdc;
        try {
            cdc = s.connector(name);
        } catch (IllegalArgumentException notYet) {
            cdc = s.addConnector(LocalStack.shippedConnectors().stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalArgumentException("no connector in deploy/connect/ captures schema " + schema)));
        }
        return cdc.awaitCapturing(CAPTURE_TIMEOUT);
    }

    /** Any connector configuration, e.g. one made for a test; returns once it captures. */
    public static synchronized OutboxCdc connector(ConnectorConfig config) {
        return get().addConnector(config).awaitCapturing(CAPTURE_TIMEOUT);
    }

    /**
     * Points a Spring Boot service at the stack, as its environment would in production, with its
     * database schema (and the database's generated password) and its outbox connector running,
     * trusting {@link TestTokens}.
     */
    public static void register(DynamicPropertyRegistry registry, String schema) {
        LocalStack s = get();
        connector(schema);
        Map.of(
                        "spring.datasource.url", s.database().jdbcUrl() + "?currentSchema=" + schema,
                        "spring.datasource.username", EmbeddedDatabase.USER,
                        "spring.datasource.password", s.database().password(),
                        "spring.flyway.schemas", schema,
                        "spring.kafka.bootstrap-servers", s.kafka().bootstrapServers(),
                        "spring.cloud.stream.kafka.binder.brokers", s.kafka().bootstrapServers(),
                        "spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens.publicKeyLocation())
                .forEach((k, v) -> registry.add(k, () -> v));
    }

    /**
     * The stack's database password: PostgreSQL asks every connection for it (user
     * {@link EmbeddedDatabase#USER}). {@link #register} hands it to Spring; a test that connects by itself
     * uses this, or {@code get().database().connect()}.
     */
    public static String databasePassword() {
        return get().database().password();
    }

    public static String bootstrapServers() {
        return get().kafka().bootstrapServers();
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
