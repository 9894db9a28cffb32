package org.wushe.hub.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.wushe.hub.schemas.UndecodableEventException;

class DeadLetterPublishingTest {

    @Test
    void theReasonIsTheInnermostCauseNotTheListenerWrapper() {
        Exception wrapped = new ListenerExecutionFailedException(
                "Listener failed",
                new MessagingException(
                        "handler failed",
                        new UndecodableEventException("not Avro single-object encoding: bad magic 0x7b22")));

        assertThat(DeadLetterPublishing.reason(wrapped))
                .isEqualTo("UndecodableEventException: not Avro single-object encoding: bad magic 0x7b22");
    }

    @Test
    void aFailureWithoutMessageStillSaysWhatItWas() {
        assertThat(DeadLetterPublishing.reason(new IllegalStateException()))
                .isEqualTo("IllegalStateException: (no message)");
    }

    @Test
    void anOutageIsWaitedForAndABadRecordIsNot() {
        Exception noConnection = new ListenerExecutionFailedException(
                "Listener failed",
                new MessagingException(
                        "handler failed",
                        new org.springframework.transaction.CannotCreateTransactionException(
                                "Could not open JDBC Connection",
                                new java.sql.SQLTransientConnectionException(
                                        "HikariPool-1 - Connection is not available"))));
        Exception shutdown = new MessagingException(
                "x", new java.sql.SQLException("terminating connection due to administrator command", "57P01"));
        Exception ioError = new MessagingException(
                "x", new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(DeadLetterPublishing.isOutage(noConnection)).isTrue();
        assertThat(DeadLetterPublishing.isOutage(shutdown)).isTrue();
        assertThat(DeadLetterPublishing.isOutage(ioError)).isTrue();
        assertThat(DeadLetterPublishing.isOutage(new org.springframework.transaction.TransactionSystemException(
                        "JDBC rollback failed",
                        new java.sql.SQLException("This connection has been closed.", "08003"))))
                .isTrue();
        assertThat(DeadLetterPublishing.isOutage(new org.springframework.transaction.TransactionSystemException(
                        "JDBC rollback failed", new java.sql.SQLException("Connection is closed"))))
                .isTrue();
        assertThat(DeadLetterPublishing.isOutage(
                        new MessagingException("x", new UndecodableEventException("bad magic"))))
                .isFalse();
        assertThat(DeadLetterPublishing.isOutage(
                        new MessagingException("x", new IllegalArgumentException("no such need"))))
                .isFalse();
        assertThat(DeadLetterPublishing.isOutage(
                        new MessagingException("x", new java.sql.SQLException("duplicate key", "23505"))))
                .isFalse();
    }
}
