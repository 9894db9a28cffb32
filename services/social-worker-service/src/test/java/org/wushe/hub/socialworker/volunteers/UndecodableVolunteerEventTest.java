package org.wushe.hub.socialworker.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Availability;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.testing.DeadLetters;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.socialworker.support.ServiceScenario;

/** A record on the volunteer topic that is not an event goes to its dead-letter topic with the reason; the next one is counted. */
class UndecodableVolunteerEventTest extends ServiceScenario {

    @Test
    void aRecordThatIsNotAvroIsDeadLetteredAndTheConsumerGoesOn() {
        UUID poisoned = UUID.randomUUID();
        byte[] poison = "{\"volunteer\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
        DeadLetters.poison(Aggregate.VOLUNTEER, poisoned.toString(), poison);
        AvroTrust.install();
        UUID next = UUID.randomUUID();
        Upstream.volunteer(codec)
                .publish(
                        Aggregate.VOLUNTEER,
                        next,
                        VolunteerRegistered.newBuilder()
                                .setEventId(UUID.randomUUID())
                                .setOccurredAt(Instant.now())
                                .setVolunteerId(next)
                                .setCommunityId(UUID.randomUUID())
                                .setHomeArea(Place.newBuilder()
                                        .setDistrictCode(DISTRICT)
                                        .build())
                                .setAvailability(Availability.newBuilder().build())
                                .build());

        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM volunteer_registration WHERE volunteer_id = ?",
                                Integer.class,
                                next)
                        == 1);
        // The activities' binding reads the topic in a group of its own and dead-letters the record too.
        ConsumerRecord<String, byte[]> dead =
                DeadLetters.awaitOne(Aggregate.VOLUNTEER, poisoned.toString(), "social-worker-service", WAIT);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(DeadLetters.reason(dead))
                .startsWith("UndecodableEventException")
                .contains("magic");
    }
}
