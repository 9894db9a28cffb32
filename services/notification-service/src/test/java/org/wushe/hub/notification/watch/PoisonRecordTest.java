package org.wushe.hub.notification.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.notification.support.Events;
import org.wushe.hub.notification.support.ServiceScenario;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.testing.DeadLetters;

/** A record on the match topic that is not an event goes to its dead-letter topic with the reason; the next one is handled. */
class PoisonRecordTest extends ServiceScenario {

    @Test
    void aRecordThatIsNotAvroIsDeadLetteredAndTheNextEventStillNotifies() {
        UUID poisoned = UUID.randomUUID();
        byte[] poison = "{\"match\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
        DeadLetters.poison(Aggregate.MATCH, poisoned.toString(), poison);
        UUID match = UUID.randomUUID();
        UUID volunteer = UUID.randomUUID();
        publish(Aggregate.MATCH, match, Events.accepted(match, UUID.randomUUID(), volunteer, null));

        notificationOf("volunteer", volunteer, "ASSIGNMENT");
        assertThat(inbox(asVolunteer(volunteer), "ASSIGNMENT")
                        .get(0)
                        .get("body")
                        .asText())
                .contains("时间待定");
        ConsumerRecord<String, byte[]> dead = DeadLetters.awaitOne(Aggregate.MATCH, poisoned.toString(), WAIT);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(DeadLetters.reason(dead)).startsWith("UndecodableEventException");
    }
}
