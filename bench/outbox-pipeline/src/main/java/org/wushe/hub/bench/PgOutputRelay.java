package org.wushe.hub.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * The alternative relay the benchmark measures beside Debezium: one thread reads pgoutput through PgJDBC's
 * replication API, decodes the outbox inserts itself (binary tuples: no text parsing), and sends each as the record
 * the outbox router would write (key = aggregateid, value = payload, the same headers) with the CDC bridge's producer
 * settings. At least once, like the bridge: a transaction's commit LSN is confirmed to the slot only after Kafka
 * acknowledged every event in it and in all transactions before it, so a restart resumes from the first transaction
 * not wholly acknowledged. The slot here is temporary (the benchmark creates it before its round and it goes with the
 * connection); a production relay would keep a permanent one.
 *
 * <p>An experiment, not a production relay: no heartbeats, no reconnection, no schema changes in flight.
 */
final class PgOutputRelay implements AutoCloseable {

    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L; // 2000-01-01T00:00:00Z in Unix micros
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final String topicPrefix;
    private final String ceSource;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Connection connection;
    private final PGReplicationStream stream;
    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Map<Integer, String[]> relations = new HashMap<>();
    private final ArrayDeque<Tx> inFlight = new ArrayDeque<>();
    private volatile boolean running = true;
    private Tx current;

    /** A transaction's events in flight to Kafka; its end LSN is confirmed once none is left and all before it are. */
    private static final class Tx {
        final AtomicInteger pending = new AtomicInteger(1); // 1 until its commit message arrived
        long endLsn;
    }

    PgOutputRelay(
            String jdbcUrl,
            String user,
            String password,
            String slot,
            String publication,
            String bootstrap,
            Properties producerSettings,
            String topicPrefix,
            String ceSource)
            throws SQLException {
        this.topicPrefix = topicPrefix;
        this.ceSource = ceSource;
        Properties p = new Properties();
        PGProperty.USER.set(p, user);
        PGProperty.PASSWORD.set(p, password);
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(p, "10");
        PGProperty.REPLICATION.set(p, "database");
        PGProperty.PREFER_QUERY_MODE.set(p, "simple");
        this.connection = DriverManager.getConnection(jdbcUrl, p);
        PGConnection pg = connection.unwrap(PGConnection.class);
        pg.getReplicationAPI()
                .createReplicationSlot()
                .logical()
                .withSlotName(slot)
                .withOutputPlugin("pgoutput")
                .withTemporaryOption()
                .make();
        this.stream = pg.getReplicationAPI()
                .replicationStream()
                .logical()
                .withSlotName(slot)
                .withSlotOption("proto_version", "1")
                .withSlotOption("publication_names", publication)
                .withSlotOption("binary", "true")
                .withStatusInterval(1, TimeUnit.SECONDS)
                .start();
        Properties producer = new Properties();
        producer.putAll(producerSettings);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-pgoutput-relay");
        this.producer = new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::run, "pgoutput-relay");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Events Kafka acknowledged. */
    long published() {
        Throwable t = failure.get();
        if (t != null) {
            throw new BenchmarkFailure("the pgoutput relay failed: " + t, t);
        }
        return published.get();
    }

    private void run() {
        try {
            long confirmed = 0;
            while (running) {
                ByteBuffer message = stream.readPending();
                if (message != null) {
                    handle(message);
                } else {
                    LockSupport.parkNanos(500_000); // nothing pending: no busy spin on two cores
                }
                Throwable t = failure.get();
                if (t != null) {
                    throw t; // nothing after the last wholly acknowledged transaction is confirmed
                }
                long ack = confirmed;
                while (!inFlight.isEmpty() && inFlight.peekFirst().pending.get() == 0) {
                    ack = inFlight.pollFirst().endLsn;
                }
                if (ack != confirmed) {
                    confirmed = ack;
                    LogSequenceNumber lsn = LogSequenceNumber.valueOf(ack);
                    stream.setFlushedLSN(lsn);
                    stream.setAppliedLSN(lsn);
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    private void handle(ByteBuffer m) {
        byte kind = m.get();
        switch (kind) {
            case 'B' -> current = new Tx(); // final LSN, commit time, xid: not needed
            case 'C' -> {
                m.get(); // flags
                m.getLong(); // commit LSN
                current.endLsn = m.getLong(); // the transaction's end: where a restart resumes
                inFlight.addLast(current);
                current.pending.decrementAndGet();
                current = null;
            }
            case 'R' -> relation(m);
            case 'I' -> insert(m);
            default -> {
                // origin, type, truncate, update, delete, logical message: not in this publication's outbox stream
            }
        }
    }

    private void relation(ByteBuffer m) {
        int id = m.getInt();
        cString(m); // namespace
        cString(m); // table
        m.get(); // replica identity
        String[] columns = new String[m.getShort()];
        for (int i = 0; i < columns.length; i++) {
            m.get(); // flags
            columns[i] = cString(m);
            m.getInt(); // type oid
            m.getInt(); // type modifier
        }
        relations.put(id, columns);
    }

    private void insert(ByteBuffer m) {
        String[] columns = relations.get(m.getInt());
        m.get(); // 'N': the new tuple
        int n = m.getShort();
        byte[] idBytes = null;
        byte[] payload = null;
        String aggregateType = null;
        String aggregateId = null;
        String type = null;
        String traceparent = null;
        String actor = null;
        long occurredMicros = 0;
        for (int i = 0; i < n; i++) {
            byte k = m.get();
            if (k != 'b') {
                continue; // 'n' null ('u', 't' never come for inserts in binary mode)
            }
            byte[] v = new byte[m.getInt()];
            m.get(v);
            switch (columns[i]) {
                case "id" -> idBytes = v;
                case "aggregatetype" -> aggregateType = new String(v, StandardCharsets.UTF_8);
                case "aggregateid" -> aggregateId = new String(v, StandardCharsets.UTF_8);
                case "type" -> type = new String(v, StandardCharsets.UTF_8);
                case "payload" -> payload = v;
                case "occurredat" -> occurredMicros = ByteBuffer.wrap(v).getLong();
                case "traceparent" -> traceparent = new String(v, StandardCharsets.UTF_8);
                case "actor" -> actor = new String(v, StandardCharsets.UTF_8);
                default -> {
                    // a column the router does not carry
                }
            }
        }
        ByteBuffer idBuffer = ByteBuffer.wrap(idBytes);
        byte[] id = new UUID(idBuffer.getLong(), idBuffer.getLong()).toString().getBytes(StandardCharsets.UTF_8);
        long micros = occurredMicros + PG_EPOCH_MICROS;
        byte[] occurred = ISO.format(Instant.ofEpochSecond(
                                Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L)
                        .atOffset(ZoneOffset.UTC))
                .getBytes(StandardCharsets.UTF_8);
        byte[] typeBytes = type.getBytes(StandardCharsets.UTF_8);
        byte[] key = aggregateId.getBytes(StandardCharsets.UTF_8);
        // The headers deploy/connect's router and InsertHeader write, in the same order.
        RecordHeaders headers = new RecordHeaders();
        headers.add("id", id);
        headers.add("eventId", id);
        headers.add("eventType", typeBytes);
        headers.add("occurredAt", occurred);
        if (traceparent != null) {
            headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        headers.add("aggregateType", aggregateType.getBytes(StandardCharsets.UTF_8));
        if (actor != null) {
            headers.add("actor", actor.getBytes(StandardCharsets.UTF_8));
        }
        headers.add("ce_id", id);
        headers.add("ce_type", typeBytes);
        headers.add("ce_time", occurred);
        headers.add("ce_subject", key);
        headers.add("ce_source", ceSource.getBytes(StandardCharsets.UTF_8));
        Tx tx = current;
        tx.pending.incrementAndGet();
        producer.send(
                new ProducerRecord<>(topicPrefix + aggregateType, null, null, key, payload, headers), (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                        return; // never decremented: this transaction and all after it stay unconfirmed
                    }
                    published.incrementAndGet();
                    tx.pending.decrementAndGet();
                });
    }

    private static String cString(ByteBuffer m) {
        int start = m.position();
        while (m.get() != 0) {
            // to the terminating NUL
        }
        return new String(m.array(), m.arrayOffset() + start, m.position() - start - 1, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(10));
        try {
            stream.close();
        } catch (SQLException ignored) {
            // the connection goes next, and the temporary slot with it
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // best effort
        }
    }
}
