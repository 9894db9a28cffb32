package org.wushe.hub.platform.replay;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a replay stands ({@code GET /admin/replay}). {@code recordsReplayed} of {@code recordsToReplay}
 * (the history on the topics when the offsets were reset); per partition, {@code from} and {@code to}
 * are that history, {@code committed} the group's position now, {@code lag} what is left to the end of
 * the partition now. {@code done} once every partition's position has reached {@code to}.
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
        String error) {

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

    public record PartitionProgress(
            String topic, int partition, long from, long to, long committed, long end, long lag) {}
}
