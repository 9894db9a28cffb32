package org.wushe.hub.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.bench.NeedEventFactory.BenchEvent;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.outbox.OutboxWriter;

/**
 * PostgreSQL's bare insert-and-commit rate, the ceiling of any relay: the same {@link OutboxWriter}, the same events in
 * the same transactions, into an outbox table of schema {@value #SCHEMA}, which no publication holds. The replication
 * slot still reads this WAL (a walsender decodes everything and drops what its publication does not hold), as it would
 * beside a service's other tables, so the figure is what the database commits with the relay attached.
 */
final class BareWrites {

    static final String SCHEMA = "bench_bare";

    private final OutboxWriter writer;
    private final TransactionTemplate tx;
    private final NeedEventFactory factory;

    BareWrites(OutboxWriter writer, TransactionTemplate tx, NeedEventFactory factory) {
        this.writer = writer;
        this.tx = tx;
        this.factory = factory;
    }

    /**
     * Writes {@code events} in transactions of {@code batch}. As in a service, each transaction inserts its rows and
     * deletes them again (the WAL carries the inserts; the table stays empty), so the check is the writer's count.
     */
    Measurements.Bare throughput(String round, int events, int batch) {
        List<BenchEvent> prepared = factory.next(events);
        List<List<OutboxWriter.Event>> transactions = new ArrayList<>();
        for (int from = 0; from < events; from += batch) {
            transactions.add(prepared.subList(from, Math.min(events, from + batch)).stream()
                    .map(e -> new OutboxWriter.Event(Aggregate.NEED, e.needId(), e.payload(), e.traceparent()))
                    .toList());
        }
        long[] written = {0};
        System.gc();
        long began = System.nanoTime();
        for (List<OutboxWriter.Event> t : transactions) {
            tx.executeWithoutResult(status -> written[0] += writer.publishAll(t).size());
        }
        long elapsed = System.nanoTime() - began;
        if (written[0] != events) {
            throw new BenchmarkFailure(round + ": wrote " + written[0] + " of " + events + " events");
        }
        return new Measurements.Bare(events, elapsed);
    }
}
