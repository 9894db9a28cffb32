package org.wushe.hub.matching.proposal;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the engine's memory in step with the database: a change made to the engine inside a
 * transaction is undone if the transaction rolls back; a change that must only follow a commit
 * runs after it.
 */
public final class EngineTransactions {

    private EngineTransactions() {}

    /** Runs {@code undo} if the current transaction rolls back (nothing without a transaction). */
    public static void onRollback(Runnable undo) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    undo.run();
                }
            }
        });
    }

    /** Runs {@code action} once the current transaction commits, or at once without a transaction. */
    public static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
