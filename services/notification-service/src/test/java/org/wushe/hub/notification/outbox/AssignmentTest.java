package org.wushe.hub.notification.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.wushe.hub.notification.support.Events;
import org.wushe.hub.notification.support.ServiceScenario;
import org.wushe.hub.notification.support.Smtp;
import org.wushe.hub.notification.watch.MatchInbound;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import tools.jackson.databind.JsonNode;

/**
 * A MatchAccepted on the topic: the volunteer on it finds a new assignment in their inbox and one e-mail at the
 * address they set, through the real SMTP server; the same event redelivered, and a second event about the same
 * match, change nothing.
 */
class AssignmentTest extends ServiceScenario {

    @Test
    void anAcceptedMatchReachesTheVolunteersInboxAndMailboxOnceEvenWhenDeliveredAgain() throws Exception {
        UUID volunteer = UUID.randomUUID();
        UUID station = UUID.randomUUID();
        UUID match = UUID.randomUUID();
        String address = email("volunteer");
        Http me = asVolunteer(volunteer);
        preferences(me, address);

        EventEnvelope first = publish(
                Aggregate.MATCH,
                match,
                Events.accepted(match, station, volunteer, Instant.parse("2026-12-09T01:30:00Z")));
        awaitProcessed(first);
        UUID id = notificationOf("volunteer", volunteer, "ASSIGNMENT");

        await().atMost(WAIT).until(() -> Smtp.to(address).size() == 1);
        MimeMessage mail = Smtp.to(address).get(0);
        assertThat(mail.getSubject()).isEqualTo("新的服务任务 New assignment");
        String body = mail.getContent().toString();
        assertThat(body).contains("2026-12-09 09:30").contains("http://127.0.0.1:8090/volunteer");
        await().atMost(WAIT).until(() -> "sent".equals(delivery(id, EmailChannel.NAME)));
        assertThat(delivery(id, InAppChannel.NAME)).isEqualTo("sent");

        List<JsonNode> items = inbox(me, "ASSIGNMENT");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("title").asText()).isEqualTo("新的服务任务 New assignment");
        assertThat(items.get(0).get("body").asText()).contains("2026-12-09 09:30");
        assertThat(items.get(0).get("link").asText()).isEqualTo("/volunteer");
        assertThat(inbox(me).get("unread").asLong()).isEqualTo(1);
        Http.Response english = me.get("/notifications/me", "Accept-Language", "en");
        assertThat(english.json().get("items").get(0).get("title").asText()).isEqualTo("New assignment");

        // The address is sealed at rest, and the dispatcher's read of it was logged with why.
        byte[] sealed = jdbc.queryForObject(
                "SELECT address_sealed FROM contact WHERE recipient_id = ?", byte[].class, volunteer);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(address);
        assertThat(jdbc.queryForList(
                        "SELECT actor FROM contact_access WHERE recipient_id = ? AND reason LIKE 'send notification%'",
                        String.class, volunteer))
                .containsExactly(Dispatcher.ACTOR);

        // The same record again, verbatim, twice; and a second event (another id) about the same match.
        List<ConsumerRecord<String, byte[]>> records = records(Aggregate.MATCH, match, 1);
        resend(records, 2);
        EventEnvelope again = publish(
                Aggregate.MATCH,
                match,
                Events.accepted(match, station, volunteer, Instant.parse("2026-12-09T01:30:00Z")));
        awaitProcessed(again);
        await().atMost(WAIT).until(() -> duplicates() >= 2);
        awaitSettled("volunteer", volunteer);
        assertThat(count("volunteer", volunteer, "ASSIGNMENT")).isEqualTo(1);
        assertThat(inbox(me, "ASSIGNMENT")).hasSize(1);
        assertThat(Smtp.to(address)).hasSize(1);
    }

    private double duplicates() {
        var counter = meters.find("wushe.inbound.events")
                .tags("consumer", MatchInbound.CONSUMER, "outcome", "duplicate")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static void resend(List<ConsumerRecord<String, byte[]>> records, int copies) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                java.util.Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int copy = 0; copy < copies; copy++) {
                for (ConsumerRecord<String, byte[]> r : records) {
                    producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers()));
                }
            }
        }
    }
}
