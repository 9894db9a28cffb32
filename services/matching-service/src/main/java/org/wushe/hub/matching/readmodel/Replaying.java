package org.wushe.hub.matching.readmodel;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * On while the read model is replayed from the topics: the consumers rebuild tables but make no
 * proposal, and the deadline watch and the batch do not run, since the engine's memory is in flux and
 * every need was decided on already. Needs left OPEN meanwhile are matched when the replay ends.
 *
 * <p>It is also the gate of the read-model consumers' engine changes ({@link #toEngine}): while a replay is on
 * they are skipped, since the engine is loaded again from the tables when it ends ({@link #end}). The hand-over
 * loses nothing: a change is let through or skipped under the gate's read lock, after its transaction committed,
 * and the reload runs under the write lock and turns the replay off before letting go. So a change either is
 * skipped before the reload starts, and the reload's read sees its committed rows, or it waits for the reload and
 * is applied after it; none is skipped once the reload has read the tables.
 */
@Component
public class Replaying {

    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile boolean on;

    public boolean isOn() {
        return on;
    }

    /** A replay starts: from now on the consumers' engine changes are skipped, until {@link #end}. */
    public void start() {
        gate.writeLock().lock();
        try {
            on = true;
        } finally {
            gate.writeLock().unlock();
        }
    }

    /**
     * The replay ends: {@code reload} (the engine loaded again from the tables) runs with no engine change in
     * flight and none starting until it returns; then the replay is off and changes apply again. If the reload
     * throws, the replay stays on (nothing is proposed from an engine half loaded).
     */
    public <T> T end(Supplier<T> reload) {
        gate.writeLock().lock();
        try {
            T loaded = reload.get();
            on = false;
            return loaded;
        } finally {
            gate.writeLock().unlock();
        }
    }

    /**
     * Applies a change to the engine's memory, or skips it while a replay is on. Call it once the change's
     * transaction has committed (e.g. in {@code EngineTransactions.afterCommit}), never inside it: the reload
     * must be able to read what a skipped change wrote.
     */
    public void toEngine(Runnable change) {
        gate.readLock().lock();
        try {
            if (!on) {
                change.run();
            }
        } finally {
            gate.readLock().unlock();
        }
    }
}
