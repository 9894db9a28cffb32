package org.wushe.hub.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.wushe.hub.local.ConnectorConfig;
import org.wushe.hub.local.LocalStack;

/**
 * The real embedded stack (KRaft Kafka, PostgreSQL, Debezium) shared by the integration tests of one
 * JVM, on free ports and a fresh data directory. It runs the community service's shipped connector
 * configuration, so the tests exercise exactly what production runs.
 */
public final class TestStack {

    public static final String CONNECTOR = "community-outbox";
    public static final String SCHEMA = "community";

    private static LocalStack stack;

    private TestStack() {
    }

    public static synchronized LocalStack get() {
        if (stack == null) {
            Path dir = Path.of("target", "test-stack-" + ProcessHandle.current().pid()).toAbsolutePath();
            LocalStack.Settings settings = LocalStack.Settings.defaults(dir)
                    .withWipe(true)
                    .withPorts(freePort(), freePort(), freePort())
                    .withConnectors(List.of(ConnectorConfig.fromClasspath("connect/community-service.json")));
            stack = new LocalStack(settings).start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "test-stack-shutdown"));
        }
        return stack;
    }

    /** Points a Spring Boot service at the stack, as its application.yml would in production. */
    public static void register(DynamicPropertyRegistry registry) {
        LocalStack s = get();
        Map.of(
                "spring.datasource.url", s.database().jdbcUrl() + "?currentSchema=" + SCHEMA,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "spring.flyway.schemas", SCHEMA,
                "spring.kafka.bootstrap-servers", s.kafka().bootstrapServers(),
                "spring.cloud.stream.kafka.binder.brokers", s.kafka().bootstrapServers()
        ).forEach((k, v) -> registry.add(k, () -> v));
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
