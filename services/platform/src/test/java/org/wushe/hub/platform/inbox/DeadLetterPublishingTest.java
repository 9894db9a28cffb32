package org.wushe.hub.platform.inbox;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.wushe.hub.schemas.UndecodableEventException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterPublishingTest {

    @Test
    void theReasonIsTheInnermostCauseNotTheListenerWrapper() {
        Exception wrapped = new ListenerExecutionFailedException("Listener failed",
                new MessagingException("handler failed", new UndecodableEventException("not Avro single-object encoding: bad magic 0x7b22")));

        assertThat(DeadLetterPublishing.reason(wrapped))
                .isEqualTo("UndecodableEventException: not Avro single-object encoding: bad magic 0x7b22");
    }

    @Test
    void aFailureWithoutMessageStillSaysWhatItWas() {
        assertThat(DeadLetterPublishing.reason(new IllegalStateException())).isEqualTo("IllegalStateException: (no message)");
    }
}
