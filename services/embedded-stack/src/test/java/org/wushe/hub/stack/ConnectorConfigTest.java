package org.wushe.hub.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorConfigTest {

    @TempDir
    Path dir;

    @Test
    void everyShippedConnectorIsAnOutboxRouterOverOneTableWithItsOwnSlot() {
        var connectors = LocalStack.shippedConnectors();
        assertThat(connectors).hasSize(LocalStack.SERVICES.size());
        assertThat(connectors).extracting(c -> c.get("slot.name")).doesNotHaveDuplicates();
        assertThat(connectors)
                .extracting(ConnectorConfig::outboxTable)
                .doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t).endsWith(".outbox"));
        assertThat(connectors).allSatisfy(c -> {
            assertThat(c.get("connector.class")).isEqualTo("io.debezium.connector.postgresql.PostgresConnector");
            assertThat(c.get("plugin.name")).isEqualTo("pgoutput");
            assertThat(c.get("transforms.outbox.type")).isEqualTo("io.debezium.transforms.outbox.EventRouter");
            assertThat(c.get("transforms.outbox.table.field.event.key")).isEqualTo("aggregateid");
            assertThat(c.get("transforms.outbox.route.topic.replacement")).isEqualTo("wushe.${routedByValue}");
            assertThat(c.get("value.converter")).isEqualTo("org.apache.kafka.connect.converters.ByteArrayConverter");
        });
    }

    @Test
    void localOverridesPointAtTheEmbeddedDatabaseAndOneReplica() {
        ConnectorConfig prod = ConnectorConfig.fromClasspath("connect/community-service.json");
        EmbeddedDatabase db = new EmbeddedDatabase(dir.resolve("pg"), 25432, "wushe");

        ConnectorConfig local = prod.forLocal(db, 1);

        assertThat(prod.get("database.hostname")).startsWith("${env:");
        assertThat(local.get("database.hostname")).isEqualTo("127.0.0.1");
        assertThat(local.get("database.port")).isEqualTo("25432");
        assertThat(local.get("database.dbname")).isEqualTo("wushe");
        assertThat(local.get("topic.creation.default.replication.factor")).isEqualTo("1");
        assertThat(local.get("topic.creation.default.min.insync.replicas")).isEqualTo("1");
        assertThat(local.get("publication.autocreate.mode")).isEqualTo("disabled");
        assertThat(prod.get("database.sslmode")).isEqualTo("verify-full");
        assertThat(local.get("database.sslmode")).as("loopback, no certificate").isEqualTo("disable");
        assertThat(local.config()).doesNotContainKey("database.sslrootcert");
        assertThat(local.get("database.user")).isEqualTo(EmbeddedDatabase.USER);
        assertThat(local.get("database.password"))
                .as("the stack's generated password")
                .isEqualTo(db.password())
                .isNotBlank();
        assertThat(local.outboxTable()).isEqualTo("community.outbox");
    }

    @Test
    void aFileThatIsNotAConnectorConfigurationIsRefusedWithTheReason() {
        var notAConnector = new ByteArrayInputStream("{\"connector.class\": \"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ConnectorConfig.parse(notAConnector))
                .hasMessageContaining("\"name\"")
                .hasMessageContaining("\"config\"");
    }
}
