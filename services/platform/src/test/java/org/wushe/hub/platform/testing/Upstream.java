package org.wushe.hub.platform.testing;

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
 * outbox table (migrated with Flyway from {@code db/wushe-platform}), its shipped Debezium connector
 * (running and capturing before the first row is written, or that row would never be captured), and
 * an {@link OutboxWriter} on it. Events written here travel the real path (PostgreSQL WAL → Debezium
 * outbox router → Kafka) to the consumers under test. Shared with the services through the
 * platform's test-jar.
 */
public final class Upstream {

    private static final Map<String, Upstream> BY_SCHEMA = new ConcurrentHashMap<>();

    private final OutboxWriter outbox;
    private final TransactionTemplate tx;

    private Upstream(String schema, AvroEventCodec codec) {
        TestStack.connector(schema);
        DriverManagerDataSource ds = new DriverManagerDataSource(
                TestStack.get().database().jdbcUrl() + "?currentSchema=" + schema,
                "postgres",
                TestStack.databasePassword());
        Flyway.configure()
                .dataSource(ds)
                .schemas(schema)
                .locations(WushePlatformAutoConfiguration.PLATFORM_MIGRATIONS)
                .load()
                .migrate();
        this.outbox = new OutboxWriter(new JdbcTemplate(ds), codec, Clock.systemUTC());
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    /** The outbox of the service that owns {@code schema} (one of the schemas of deploy/connect/). */
    public static Upstream of(String schema, AvroEventCodec codec) {
        return BY_SCHEMA.computeIfAbsent(schema, s -> new Upstream(s, codec));
    }

    /** wushe.community.* */
    public static Upstream community(AvroEventCodec codec) {
        return of("community", codec);
    }

    /** wushe.organization.* */
    public static Upstream organization(AvroEventCodec codec) {
        return of("organization", codec);
    }

    /** wushe.socialworker.* */
    public static Upstream socialWorker(AvroEventCodec codec) {
        return of("socialworker", codec);
    }

    /** wushe.volunteer.* */
    public static Upstream volunteer(AvroEventCodec codec) {
        return of("volunteer", codec);
    }

    /** wushe.resource.* */
    public static Upstream resource(AvroEventCodec codec) {
        return of("resource", codec);
    }

    /** wushe.matching.* */
    public static Upstream matching(AvroEventCodec codec) {
        return of("matching", codec);
    }

    /** Writes one event in its own transaction. */
    public EventEnvelope publish(Aggregate aggregate, UUID key, SpecificRecord event) {
        return tx.execute(s -> outbox.publish(aggregate, key.toString(), event));
    }
}
