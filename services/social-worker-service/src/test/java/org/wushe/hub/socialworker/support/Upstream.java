package org.wushe.hub.socialworker.support;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.platform.autoconfigure.WushePlatformAutoConfiguration;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.testing.TestStack;

/**
 * The producing side of another service, as far as its outbox goes: its schema with the platform's
 * outbox table (migrated with Flyway from {@code db/wushe-platform}), its shipped Debezium connector, and
 * an {@link OutboxWriter} on it. Events written here travel the real path (PostgreSQL WAL → Debezium
 * outbox router → Kafka) to this service's consumers.
 */
public final class Upstream {

    private static final Map<String, Upstream> BY_SCHEMA = new ConcurrentHashMap<>();

    private final OutboxWriter outbox;
    private final TransactionTemplate tx;

    private Upstream(String schema, AvroEventCodec codec) {
        TestStack.connector(schema);
        DriverManagerDataSource ds = new DriverManagerDataSource(TestStack.get().database().jdbcUrl() + "?currentSchema=" + schema,
                "postgres", "");
        Flyway.configure().dataSource(ds).schemas(schema).locations(WushePlatformAutoConfiguration.PLATFORM_MIGRATIONS).load().migrate();
        this.outbox = new OutboxWriter(new JdbcTemplate(ds), codec, Clock.systemUTC());
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    /** The community service's side (wushe.community.station). */
    public static Upstream community(AvroEventCodec codec) {
        return BY_SCHEMA.computeIfAbsent("community", s -> new Upstream(s, codec));
    }

    /** The volunteer service's side (wushe.volunteer.volunteer). */
    public static Upstream volunteer(AvroEventCodec codec) {
        return BY_SCHEMA.computeIfAbsent("volunteer", s -> new Upstream(s, codec));
    }

    public EventEnvelope publish(Aggregate aggregate, UUID key, SpecificRecord event) {
        return tx.execute(s -> outbox.publish(aggregate, key.toString(), event));
    }
}
