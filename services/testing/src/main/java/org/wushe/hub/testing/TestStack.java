package org.wushe.hub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.wushe.hub.local.ConnectorConfig;
import org.wushe.hub.local.LocalStack;
import org.wushe.hub.local.OutboxCdc;

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

    private static LocalStack stack;

    private TestStack() {
    }

    public static synchronized LocalStack get() {
        if (stack == null) {
            Path dir = Path.of("target", "test-stack-" + ProcessHandle.current().pid()).toAbsolutePath();
            LocalStack.Settings settings = LocalStack.Settings.defaults(dir)
                    .withWipe(true)
                    .withPorts(freePort(), freePort(), freePort())
                    .withConnectors(List.of());
            stack = new LocalStack(settings).start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "test-stack-shutdown"));
        }
        return stack;
    }

    /** The outbox connector of a service schema (e.g. {@code community}), started on first use. */
    public static synchronized OutboxCdc connector(String schema) {
        LocalStack s = get();
        String name = schema + "-outbox";
        try {
            return s.connector(name);
        } catch (IllegalArgumentException notYet) {
            return s.addConnector(LocalStack.shippedConnectors().stream()
                    .filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no connector in deploy/connect/ captures schema " + schema)));
        }
    }

    /** Any connector configuration, e.g. one made for a test. */
    public static synchronized OutboxCdc connector(ConnectorConfig config) {
        return get().addConnector(config);
    }

    /**
     * Points a Spring Boot service at the stack, as its environment would in production, with its
     * database schema and its outbox connector running.
     */
    public static void register(DynamicPropertyRegistry registry, String schema) {
        LocalStack s = get();
        connector(schema);
        Map.of(
                "spring.datasource.url", s.database().jdbcUrl() + "?currentSchema=" + schema,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "spring.flyway.schemas", schema,
                "spring.kafka.bootstrap-servers", s.kafka().bootstrapServers(),
                "spring.cloud.stream.kafka.binder.brokers", s.kafka().bootstrapServers()
        ).forEach((k, v) -> registry.add(k, () -> v));
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
