package org.wushe.hub.platform.tracing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.community.NeedClosed;
import org.wushe.hub.events.community.NeedOutcome;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.inbox.InboundEvents;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.testing.NeedEvents;

/**
 * Two hops of one journey on the platform: an HTTP endpoint publishes a need, and an inbound handler answers the
 * needs of this endpoint with a NeedClosed; the handler notes the traceparent current while it runs.
 */
@SpringBootApplication
public class TraceTestApplication {

    public static final String CONSUMER = "trace-test";
    static final Set<UUID> MINE = ConcurrentHashMap.newKeySet();
    static final Map<UUID, String> HANDLER_TRACEPARENT = new ConcurrentHashMap<>();

    @RestController
    static class Needs {
        private final OutboxWriter outbox;
        private final TransactionTemplate tx;

        Needs(OutboxWriter outbox, TransactionTemplate tx) {
            this.outbox = outbox;
            this.tx = tx;
        }

        @PostMapping("/traced-needs/{id}")
        String publish(@PathVariable UUID id) {
            MINE.add(id);
            return tx.execute(s -> outbox.publish(Aggregate.NEED, id.toString(), NeedEvents.needPublished(id, 1)))
                    .eventId()
                    .toString();
        }
    }

    @Bean
    Consumer<Message<byte[]>> needs(InboundEvents inbound, OutboxWriter outbox, EventTracing tracing) {
        return inbound.consumer(CONSUMER)
                .on(NeedPublished.class, (envelope, need) -> {
                    if (!MINE.contains(need.getNeedId())) {
                        return;
                    }
                    HANDLER_TRACEPARENT.put(need.getNeedId(), String.valueOf(tracing.currentTraceparent()));
                    outbox.publish(
                            Aggregate.NEED,
                            need.getNeedId().toString(),
                            NeedClosed.newBuilder()
                                    .setEventId(UUID.randomUUID())
                                    .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                                    .setNeedId(need.getNeedId())
                                    .setCommunityId(need.getCommunityId())
                                    .setStationId(need.getStationId())
                                    .setRevision(2)
                                    .setOutcome(NeedOutcome.CANCELLED)
                                    .build());
                })
                .build();
    }
}
