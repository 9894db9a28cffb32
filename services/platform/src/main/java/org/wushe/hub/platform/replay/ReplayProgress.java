package org.wushe.hub.platform.replay;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a replay stands ({@code GET /admin/replay}). {@code recordsReplayed} of {@code recordsToReplay}
 * (the history on the topics when the offsets were reset); per partition, {@code from} and {@code to}
 * are that history, {@code committed} the group's position now, {@code lag} what is left to the end of
 * the partition now. {@code done} once every partition's position has reached {@code to}. {@code phases}: when
 * the replay entered each state it went through, by the service's clock (REPLAYING to FINISHING is the re-reading of
 * the history, from the bindings' start until every partition was caught up).
 */
public record ReplayProgress(
        State state,
        boolean done,
        String consumer,
        String group,
        List<String> bindings,
        List<String> tables,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        long recordsReplayed,
        long recordsToReplay,
        long lag,
        Map<String, Integer> clearedRows,
        List<PartitionProgress> partitions,
        String error,
        Map<State, Instant> phases) {

    public ReplayProgress {
        EnumMap<State, Instant> inOrder = new EnumMap<>(State.class); // the states' order, which is the replay's
        if (phases != null) {
            inOrder.putAll(phases);
        }
        phases = Collections.unmodifiableMap(inOrder);
    }

    public enum State {
        /** No replay has run since the service started. */
        IDLE,
        /** The input bindings are stopping; waiting for the consumer group to have no members. */
        STOPPING,
        /** Rewinding the group to the beginning of each partition. */
        RESETTING,
        /** Emptying the read-model tables and the consumer's processed events, in one transaction. */
        CLEARING,
        /** The bindings run again and re-read the history. */
        REPLAYING,
        /** Caught up; the service reloads what it keeps in memory. */
        FINISHING,
        DONE,
        FAILED;

        public boolean running() {
            return this != IDLE && this != DONE && this != FAILED;
        }
    }

    /** {@code phases} with {@code state} entered at {@code at}, unless it was entered already. */
    static Map<State, Instant> entered(Map<State, Instant> phases, State state, Instant at) {
        if (phases.containsKey(state)) {
            return phases;
        }
        EnumMap<State, Instant> more = new EnumMap<>(State.class);
        more.putAll(phases);
        more.put(state, at);
        return more;
    }

    public record PartitionProgress(
            String topic, int partition, long from, long to, long committed, long end, long lag) {}
}
