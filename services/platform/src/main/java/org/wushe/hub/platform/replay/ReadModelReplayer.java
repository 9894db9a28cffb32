package org.wushe.hub.platform.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.platform.replay.ReplayProgress.PartitionProgress;
import org.wushe.hub.platform.replay.ReplayProgress.State;

/**
 * Rebuilds a service's read model from the topics, as declared by its {@link ReadModelReplay}:
 * <ol>
 *   <li>stops the declared input bindings ({@link BindingsLifecycleController}) and waits until their
 *   consumer group has no members;</li>
 *   <li>rewinds the group to the beginning of every partition of the bindings' topics
 *   ({@link Admin#alterConsumerGroupOffsets});</li>
 *   <li>empties the declared tables (truncated where they can be) and the consumer's {@code processed_event} rows
 *   in one transaction;</li>
 *   <li>starts the bindings again, which re-read the whole history through the service's own idempotent
 *   consumers, and reports progress until every partition is read up to where it ended at the rewind;</li>
 *   <li>stops them once more for the service's {@code afterReplay} hook (reload memory, resume what was held
 *   back), then starts them for good: DONE.</li>
 * </ol>
 * The rewind comes before the clearing on purpose: if the clearing fails, the consumers re-read events
 * they have already processed and change nothing; the other way round a failure would leave an empty
 * read model that nothing refills. Whatever happens, the bindings are started again.
 *
 * <p>The topics must still hold the whole history (retention): a replay cannot bring back events Kafka
 * has deleted.
 */
public class ReadModelReplayer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReplayer.class);

    private final ReadModelReplay declared;
    private final BindingsLifecycleController bindings;
    private final Map<String, Object> adminConfig;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration groupEmptyTimeout;
    private final Duration catchUpTimeout;
    private final Duration pollInterval;
    /** How long the clearing waits for a read-model table's exclusive lock before it deletes the rows instead. */
    static final Duration TRUNCATE_LOCK_TIMEOUT = Duration.ofSeconds(5);

    private final String group;
    private final List<String> topics;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read-model-replay");
        t.setDaemon(true);
        return t;
    });

    private volatile ReplayProgress progress;

    public ReadModelReplayer(
            ReadModelReplay declared,
            BindingsLifecycleController bindings,
            BindingServiceProperties properties,
            Map<String, Object> adminConfig,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            Clock clock,
            Duration groupEmptyTimeout,
            Duration catchUpTimeout,
            Duration pollInterval) {
        this.declared = declared;
        this.bindings = bindings;
        this.adminConfig = Map.copyOf(adminConfig);
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.groupEmptyTimeout = groupEmptyTimeout;
        this.catchUpTimeout = catchUpTimeout;
        this.pollInterval = pollInterval;
        this.group = groupOf(declared, properties);
        this.topics = topicsOf(declared, properties);
        this.progress = new ReplayProgress(
                State.IDLE,
                false,
                declared.consumer(),
                group,
                declared.bindings(),
                declared.tables(),
                null,
                null,
                null,
                0,
                0,
                0,
                Map.of(),
                List.of(),
                null,
                Map.of());
    }

    /**
     * The declared bindings must exist, share one consumer group, and be the only bindings of the service
     * in that group: the group's offsets can be reset only while it has no members.
     */
    static String groupOf(ReadModelReplay declared, BindingServiceProperties properties) {
        if (declared.bindings().isEmpty() || declared.tables().isEmpty()) {
            throw new IllegalStateException(
                    "ReadModelReplay of " + declared.consumer() + " declares no bindings or no tables");
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String name : declared.bindings()) {
            BindingProperties b = properties.getBindings().get(name);
            if (b == null || b.getDestination() == null) {
                throw new IllegalStateException("ReadModelReplay names binding " + name
                        + ", which has no destination in " + "spring.cloud.stream.bindings (known: "
                        + properties.getBindings().keySet() + ")");
            }
            if (b.getGroup() == null || b.getGroup().isBlank()) {
                throw new IllegalStateException("ReadModelReplay: binding " + name
                        + " has no consumer group; a replay rewinds the group's offsets");
            }
            groups.add(b.getGroup());
        }
        if (groups.size() != 1) {
            throw new IllegalStateException("ReadModelReplay: bindings " + declared.bindings()
                    + " are in several groups " + groups + "; they must share one");
        }
        String group = groups.iterator().next();
        properties.getBindings().forEach((name, b) -> {
            if (group.equals(b.getGroup()) && !declared.bindings().contains(name)) {
                throw new IllegalStateException(
                        "ReadModelReplay: binding " + name + " is in group " + group + " too but is not "
                                + "replayed; give it a group of its own (Kafka resets offsets only of a group without members)");
            }
        });
        return group;
    }

    static List<String> topicsOf(ReadModelReplay declared, BindingServiceProperties properties) {
        Set<String> topics = new LinkedHashSet<>();
        for (String name : declared.bindings()) {
            for (String t : properties.getBindings().get(name).getDestination().split(",")) {
                topics.add(t.trim());
            }
        }
        return List.copyOf(topics);
    }

    public ReplayProgress progress() {
        return progress;
    }

    /** Starts a replay in the background; false if one is running. */
    public synchronized boolean start(String startedBy) {
        if (progress.state().running()) {
            return false;
        }
        Instant now = clock.instant();
        progress = new ReplayProgress(
                State.STOPPING,
                false,
                declared.consumer(),
                group,
                declared.bindings(),
                declared.tables(),
                startedBy,
                now,
                null,
                0,
                0,
                0,
                Map.of(),
                List.of(),
                null,
                Map.of(State.STOPPING, now));
        worker.submit(this::run);
        return true;
    }

    private void run() {
        log.info(
                "Replay of {} (group {}, topics {}) started by {}: tables {}",
                declared.consumer(),
                group,
                topics,
                progress.startedBy(),
                declared.tables());
        Map<TopicPartition, Long> from = Map.of();
        Map<TopicPartition, Long> to = Map.of();
        Map<String, Integer> cleared = Map.of();
        boolean stopped = false;
        try (Admin admin = Admin.create(adminConfig)) {
            declared.beforeHook().run();
            // Set first: should one binding fail to stop, the others have stopped, and the failure starts them all.
            stopped = true;
            stopBindings();
            awaitNoMembers(admin);

            set(State.RESETTING, from, to, cleared, null);
            List<TopicPartition> partitions = partitions(admin);
            from = offsets(admin, partitions, OffsetSpec.earliest());
            to = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
            from.forEach((tp, offset) -> rewind.put(tp, new OffsetAndMetadata(offset)));
            admin.alterConsumerGroupOffsets(group, rewind).all().get(30, TimeUnit.SECONDS);
            log.info(
                    "Replay of {}: group {} rewound on {} partitions, {} records to read again",
                    declared.consumer(),
                    group,
                    partitions.size(),
                    total(from, to));

            set(State.CLEARING, from, to, cleared, null);
            cleared = clear();
            log.info("Replay of {}: cleared {}", declared.consumer(), cleared);

            set(State.REPLAYING, from, to, cleared, null);
            startBindings();
            stopped = false;
            awaitCaughtUp(admin, from, to, cleared);

            // The hook runs with the bindings stopped again, so no event is half handled while the service
            // reloads what it keeps in memory and ends what it held back.
            set(State.FINISHING, from, to, cleared, null);
            stopped = true;
            stopBindings();
            declared.afterHook().run();
            startBindings();
            stopped = false;
            finish(State.DONE, admin, from, to, cleared, null);
            log.info("Replay of {} done: {} records replayed", declared.consumer(), progress.recordsReplayed());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String why = e instanceof ExecutionException && e.getCause() != null
                    ? e.getCause().toString()
                    : e.toString();
            log.error("Replay of {} failed: {}", declared.consumer(), why, e);
            try {
                if (stopped) {
                    startBindings();
                }
                declared.afterHook().run();
            } catch (RuntimeException again) {
                log.error("Replay of {}: restarting after the failure failed too", declared.consumer(), again);
            }
            progress = with(progress, State.FAILED, false, clock.instant(), why);
        }
    }

    /**
     * Stops the declared bindings all at once, each on its own thread. A binding's stop waits for the poll its
     * consumers have in flight, which an idle consumer spends waiting for the broker (up to {@code
     * fetch.max.wait.ms}, 500 ms by default): one binding after another, those waits add up (1.3 to 2 s for
     * matching-service's five bindings), together they overlap. Returns once every binding has stopped; the first
     * failure is thrown.
     */
    private void stopBindings() throws InterruptedException {
        List<String> names = List.copyOf(declared.bindings());
        if (names.size() < 2) {
            names.forEach(b -> bindings.changeState(b, BindingsLifecycleController.State.STOPPED));
            return;
        }
        ExecutorService stopping = Executors.newFixedThreadPool(names.size(), r -> {
            Thread t = new Thread(r, "read-model-replay-stop");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> stops = new ArrayList<>(names.size());
            for (String b : names) {
                stops.add(stopping.submit(() -> bindings.changeState(b, BindingsLifecycleController.State.STOPPED)));
            }
            RuntimeException failed = null;
            for (Future<?> stop : stops) {
                try {
                    stop.get();
                } catch (ExecutionException e) {
                    RuntimeException cause =
                            e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    if (failed == null) {
                        failed = cause;
                    } else {
                        failed.addSuppressed(cause);
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
        } finally {
            stopping.shutdown();
        }
    }

    private void startBindings() {
        for (String b : declared.bindings()) {
            bindings.changeState(b, BindingsLifecycleController.State.STARTED);
        }
    }

    private void awaitNoMembers(Admin admin) throws Exception {
        long deadline = System.nanoTime() + groupEmptyTimeout.toNanos();
        while (true) {
            for (String b : declared.bindings()) {
                for (Binding<?> binding : bindings.queryState(b)) {
                    if (binding.isRunning()) {
                        throw new IllegalStateException("binding " + b + " did not stop");
                    }
                }
            }
            int members = members(admin);
            if (members == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("consumer group " + group + " still has " + members + " member(s) after "
                        + groupEmptyTimeout.toSeconds() + " s: stop the other instances of the service first");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private int members(Admin admin) throws Exception {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(group);
            return d == null ? 0 : d.members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
    }

    private List<TopicPartition> partitions(Admin admin) throws Exception {
        Map<String, TopicDescription> described =
                admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
        List<TopicPartition> list = new ArrayList<>();
        described.forEach((topic, d) ->
                d.partitions().forEach(p -> list.add(new TopicPartition(topic, p.partition()))));
        list.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        return list;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer =
                admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        partitions.forEach(tp -> offsets.put(tp, answer.get(tp).offset()));
        return offsets;
    }

    private Map<String, Integer> clear() {
        return tx.execute(status -> {
            Map<String, Integer> rows = new LinkedHashMap<>();
            for (String table : declared.tables()) {
                rows.put(table, empty(table, status));
            }
            rows.put(
                    "processed_event",
                    jdbc.update("DELETE FROM processed_event WHERE consumer = ?", declared.consumer()));
            return rows;
        });
    }

    /**
     * Empties a read-model table in the clearing transaction: {@code TRUNCATE} where it can, so the history is
     * written again into a fresh table and index (after a {@code DELETE}, every row written again meets its dead
     * predecessor under the same key, in the index and on the heap, and each deleted row is in the WAL the outbox's
     * decoder reads); {@code DELETE} if the table cannot be truncated (a foreign key from another table, no
     * privilege, or a lock not granted within {@link #TRUNCATE_LOCK_TIMEOUT} because a long read holds it).
     * Returns the rows it held.
     */
    private int empty(String table, TransactionStatus status) {
        Integer held = jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
        Object savepoint = status.createSavepoint();
        try {
            jdbc.execute("SET LOCAL lock_timeout = '" + TRUNCATE_LOCK_TIMEOUT.toMillis() + "ms'");
            jdbc.execute("TRUNCATE " + table);
            status.releaseSavepoint(savepoint);
            return held == null ? 0 : held;
        } catch (DataAccessException e) {
            status.rollbackToSavepoint(savepoint); // the lock timeout's SET LOCAL goes with it
            log.info(
                    "Replay of {}: {} cannot be truncated ({}); deleting its rows",
                    declared.consumer(),
                    table,
                    e.getMostSpecificCause().getMessage());
            return jdbc.update("DELETE FROM " + table);
        }
    }

    private void awaitCaughtUp(
            Admin admin, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, Map<String, Integer> cleared)
            throws Exception {
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        while (true) {
            ReplayProgress now = measure(admin, State.REPLAYING, from, to, cleared, null, null);
            progress = now;
            if (now.done()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("not caught up after " + catchUpTimeout.toMinutes() + " min: "
                        + now.recordsReplayed() + " of " + now.recordsToReplay() + " records");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private void finish(
            State state,
            Admin admin,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            Map<String, Integer> cleared,
            String error)
            throws Exception {
        progress = measure(admin, state, from, to, cleared, clock.instant(), error);
    }

    /** Positions and lag now, against the history [from, to) taken at the rewind. */
    private ReplayProgress measure(
            Admin admin,
            State state,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            Map<String, Integer> cleared,
            Instant finishedAt,
            String error)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> end = offsets(admin, new ArrayList<>(to.keySet()), OffsetSpec.latest());
        List<PartitionProgress> parts = new ArrayList<>();
        long replayed = 0;
        long lag = 0;
        boolean done = true;
        for (TopicPartition tp : to.keySet()) {
            OffsetAndMetadata c = committed.get(tp);
            long position = c == null ? from.get(tp) : c.offset();
            long partitionLag = Math.max(0, end.get(tp) - position);
            replayed += Math.max(0, Math.min(position, to.get(tp)) - from.get(tp));
            lag += partitionLag;
            done &= position >= to.get(tp);
            parts.add(new PartitionProgress(
                    tp.topic(), tp.partition(), from.get(tp), to.get(tp), position, end.get(tp), partitionLag));
        }
        ReplayProgress p = progress;
        return new ReplayProgress(
                state,
                done,
                p.consumer(),
                p.group(),
                p.bindings(),
                p.tables(),
                p.startedBy(),
                p.startedAt(),
                finishedAt,
                replayed,
                total(from, to),
                lag,
                cleared,
                parts,
                error,
                ReplayProgress.entered(p.phases(), state, clock.instant()));
    }

    private void set(
            State state,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            Map<String, Integer> cleared,
            String error) {
        ReplayProgress p = progress;
        progress = new ReplayProgress(
                state,
                false,
                p.consumer(),
                p.group(),
                p.bindings(),
                p.tables(),
                p.startedBy(),
                p.startedAt(),
                null,
                0,
                total(from, to),
                p.lag(),
                cleared,
                p.partitions(),
                error,
                ReplayProgress.entered(p.phases(), state, clock.instant()));
    }

    private ReplayProgress with(ReplayProgress p, State state, boolean done, Instant finishedAt, String error) {
        return new ReplayProgress(
                state,
                done,
                p.consumer(),
                p.group(),
                p.bindings(),
                p.tables(),
                p.startedBy(),
                p.startedAt(),
                finishedAt,
                p.recordsReplayed(),
                p.recordsToReplay(),
                p.lag(),
                p.clearedRows(),
                p.partitions(),
                error,
                ReplayProgress.entered(p.phases(), state, clock.instant()));
    }

    private static long total(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        long n = 0;
        for (Map.Entry<TopicPartition, Long> e : to.entrySet()) {
            n += Math.max(0, e.getValue() - from.get(e.getKey()));
        }
        return n;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
