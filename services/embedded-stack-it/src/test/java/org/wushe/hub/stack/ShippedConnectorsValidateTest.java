package org.wushe.hub.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.connector.postgresql.PostgresConnector;
import io.debezium.transforms.outbox.EventRouter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Kafka Connect checks when the files of {@code deploy/connect/} are posted to it: the
 * connector's own validation (including a real connection to PostgreSQL) and the outbox router's
 * configuration, so a typo in a key or value fails the build instead of a deployment.
 */
class ShippedConnectorsValidateTest {

    @TempDir
    static Path dir;

    static EmbeddedDatabase database;

    @BeforeAll
    static void startDatabase() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        database = new EmbeddedDatabase(dir.resolve("pg"), port, "wushe").start();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void everyShippedConnectorPassesTheConnectorsOwnValidation() {
        for (ConnectorConfig shipped : LocalStack.shippedConnectors()) {
            Map<String, String> config = shipped.forLocal(database, 1).config();

            List<ConfigValue> values = new PostgresConnector().validate(config).configValues();

            assertThat(values)
                    .as(shipped.name())
                    .allSatisfy(v -> assertThat(v.errorMessages())
                            .as("%s: %s", shipped.name(), v.name())
                            .isEmpty());
        }
    }

    @Test
    void everyShippedOutboxRouterConfigurationIsValid() {
        for (ConnectorConfig shipped : LocalStack.shippedConnectors()) {
            Map<String, String> router = new HashMap<>();
            shipped.config().forEach((k, v) -> {
                if (k.startsWith("transforms.outbox.") && !k.equals("transforms.outbox.type")) {
                    router.put(k.substring("transforms.outbox.".length()), v);
                }
            });

            try (EventRouter<org.apache.kafka.connect.source.SourceRecord> transform = new EventRouter<>()) {
                List<ConfigValue> values = transform.config().validate(router);
                assertThat(values)
                        .as(shipped.name())
                        .allSatisfy(v -> assertThat(v.errorMessages())
                                .as("%s: %s", shipped.name(), v.name())
                                .isEmpty());
                transform.configure(router);
            }
        }
    }

    /**
     * Every transform the files name (the outbox router, the heartbeat filter, the CloudEvents source header) loads from
     * the worker's classpath and accepts its settings, as Kafka Connect checks them when the connector is posted.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyShippedTransformLoadsAndAcceptsItsSettings() throws Exception {
        for (ConnectorConfig shipped : LocalStack.shippedConnectors()) {
            for (String name : shipped.get("transforms").split(",")) {
                String prefix = "transforms." + name.trim() + ".";
                Map<String, String> settings = new HashMap<>();
                shipped.config().forEach((k, v) -> {
                    if (k.startsWith(prefix)
                            && !k.equals(prefix + "type")
                            && !k.equals(prefix + "predicate")
                            && !k.equals(prefix + "negate")) {
                        settings.put(k.substring(prefix.length()), v);
                    }
                });
                try (org.apache.kafka.connect.transforms.Transformation<org.apache.kafka.connect.source.SourceRecord>
                        transform = (org.apache.kafka.connect.transforms.Transformation<
                                        org.apache.kafka.connect.source.SourceRecord>)
                                Class.forName(shipped.get(prefix + "type"))
                                        .getDeclaredConstructor()
                                        .newInstance()) {
                    List<ConfigValue> values = transform.config().validate(settings);
                    assertThat(values)
                            .as("%s: %s", shipped.name(), name)
                            .allSatisfy(v -> assertThat(v.errorMessages())
                                    .as("%s: %s%s", shipped.name(), prefix, v.name())
                                    .isEmpty());
                    transform.configure(settings);
                }
            }
        }
    }

    @Test
    void theConnectorSupportsExactlyOnceDeliveryAsRequestedOnKafkaConnect() {
        ConnectorConfig shipped = ConnectorConfig.fromClasspath("connect/community-service.json");
        assertThat(shipped.get("exactly.once.support")).isEqualTo("requested");
        assertThat(new PostgresConnector()
                        .exactlyOnceSupport(shipped.forLocal(database, 1).config()))
                .isEqualTo(ExactlyOnceSupport.SUPPORTED);
    }
}
