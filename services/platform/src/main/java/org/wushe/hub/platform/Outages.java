package org.wushe.hub.platform;

/**
 * Tells an outage from a bug: a failure is the infrastructure's when somewhere in its causes the database
 * could not be reached or was going away (no connection, shutting down, crash recovery, out of resources)
 * or a transient conflict (lock, serialization) stopped it. Such a failure is retried (events) or answered
 * with 503 (requests), never dead-lettered or reported as a 500.
 */
public final class Outages {

    private Outages() {}

    public static boolean isOutage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.dao.RecoverableDataAccessException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientException
                    || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            // Commit or rollback failing in JDBC ("JDBC rollback failed: Connection is closed") is the connection's
            // trouble; the failure that led to the rollback is kept beside the cause.
            if (t instanceof org.springframework.transaction.TransactionSystemException tx) {
                if (tx.getCause() instanceof java.sql.SQLException
                        || (tx.getApplicationException() != null && isOutage(tx.getApplicationException()))) {
                    return true;
                }
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P: operator intervention (shutdown, crash recovery); 53: insufficient
                // resources
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
                    return true;
                }
            }
        }
        return false;
    }
}
