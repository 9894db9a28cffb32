package org.wushe.hub.matching.proposal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.readmodel.ReadModel;
import org.wushe.hub.platform.inbox.InboundEvent;
import org.wushe.hub.platform.inbox.InboundEvents;
import org.wushe.hub.schemas.UndecodableEventException;

/**
 * Keeps every instance's engine knowing every candidate. The read model's consumers are one group
 * ({@code matching-service}): with several instances each reads a share of the partitions, stores what it read in
 * the shared tables and tells only its own engine. These bindings have no group, so every instance reads every
 * volunteer, offer and capacity event (from the end of the topic, as {@code feed-in-0} does); each waits until the
 * group's consumer, on whichever instance, has stored the event ({@code processed_event}), and then puts the
 * candidate as stored into its engine: the stored row, never the event, so a late or repeated event cannot make the
 * engine go back. A reservation of goods or funds also ends that match's hold here (the stock left counts it).
 *
 * <p>An event of a partition this instance's own group consumer reads is skipped at once, undecoded: that consumer
 * changes this engine after its commit, as with one instance (so one instance alone pays only the second read of
 * the topics). The partitions are followed by {@link ReadModelPartitions}.
 *
 * <p>An event the group's consumer has not stored within {@link #STORED_WITHIN} (dead-lettered, or a replay under
 * way) is applied from what is stored then. The instance's own consumer still changes its engine after each commit
 * as before; the same row put twice changes nothing.
 */
@Configuration(proxyBeanMethods = false)
public class EngineFeed {

    /** How long the feed waits for the group's consumer to store an event before it reads the row anyway. */
    static final Duration STORED_WITHIN = Duration.ofSeconds(10);

    /**
     * Events the engine feeds read: {@code outcome} {@code applied} (stored by another instance, put into this
     * engine) or {@code own-partition} (this instance's consumer reads it).
     */
    public static final String FED = "wushe.matching.engine-feed";

    /** The read model's consumer, whose stored events the feed waits for. */
    private static final String READ_MODEL_CONSUMER = "matching-service";

    private static final Logger log = LoggerFactory.getLogger(EngineFeed.class);

    /**
     * The partitions this instance's read-model consumers read in the group (the bindings below), as the binder
     * assigns and revokes them.
     */
    public static final class ReadModelPartitions implements KafkaBindingRebalanceListener {

        /** The group's bindings whose topics the engine feeds follow. */
        static final Set<String> BINDINGS = Set.of("volunteers-in-0", "offers-in-0", "capacities-in-0");

        private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();

        @Override
        public void onPartitionsAssigned(
                String bindingName,
                org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                Collection<TopicPartition> partitions,
                boolean initial) {
            if (BINDINGS.contains(bindingName)) {
                owned.addAll(partitions);
            }
        }

        @Override
        public void onPartitionsRevokedBeforeCommit(
                String bindingName,
                org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                Collection<TopicPartition> partitions) {
            if (BINDINGS.contains(bindingName)) {
                owned.removeAll(partitions);
            }
        }

        boolean owns(Object topic, Object partition) {
            return topic instanceof String t
                    && partition instanceof Integer p
                    && owned.contains(new TopicPartition(t, p));
        }
    }

    @Bean
    ReadModelPartitions readModelPartitions() {
        return new ReadModelPartitions();
    }

    /** {@code engineVolunteers-in-0}: every volunteer's registration and availability, into this engine. */
    @Bean
    Consumer<Message<byte[]>> engineVolunteers(
            InboundEvents inbound,
            JdbcClient jdbc,
            ReadModel readModel,
            MatchEngine engine,
            ReadModelPartitions own,
            MeterRegistry meters) {
        return follow(
                inbound,
                jdbc,
                own,
                meters,
                "volunteerId",
                (event, id) -> readModel.volunteer(id).ifPresent(engine::putVolunteer));
    }

    /** {@code engineOffers-in-0}: every offer and its stock, into this engine; reserved goods and funds end holds. */
    @Bean
    Consumer<Message<byte[]>> engineOffers(
            InboundEvents inbound,
            JdbcClient jdbc,
            ReadModel readModel,
            MatchEngine engine,
            CandidateHolds holds,
            ReadModelPartitions own,
            MeterRegistry meters) {
        return follow(inbound, jdbc, own, meters, "offerId", (event, id) -> {
            putOffer(readModel, engine, id);
            if (event instanceof ResourceReserved r
                    && holds.ofMatch(r.getMatchId()).isEmpty()) {
                holds.forget(r.getMatchId());
            }
        });
    }

    /** {@code engineCapacities-in-0}: every organization's service capacity, into this engine. */
    @Bean
    Consumer<Message<byte[]>> engineCapacities(
            InboundEvents inbound,
            JdbcClient jdbc,
            ReadModel readModel,
            MatchEngine engine,
            ReadModelPartitions own,
            MeterRegistry meters) {
        return follow(inbound, jdbc, own, meters, "capacityId", (event, id) -> putOffer(readModel, engine, id));
    }

    private static void putOffer(ReadModel readModel, MatchEngine engine, UUID offerId) {
        readModel.offer(offerId).ifPresent(o -> {
            if (o.active()) {
                engine.putOffer(o.spec());
            } else {
                engine.removeOffer(offerId);
            }
        });
    }

    private interface Apply {
        void to(SpecificRecord event, UUID candidateId);
    }

    /** Events carrying {@code idField} are applied once stored; the topic's other events are skipped. */
    private static Consumer<Message<byte[]>> follow(
            InboundEvents inbound,
            JdbcClient jdbc,
            ReadModelPartitions own,
            MeterRegistry meters,
            String idField,
            Apply apply) {
        Counter skipped = meters.counter(FED, "outcome", "own-partition");
        Counter applied = meters.counter(FED, "outcome", "applied");
        return message -> {
            if (own.owns(
                    message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC),
                    message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION))) {
                skipped.increment(); // this instance's own consumer reads it, and tells this engine
                return;
            }
            InboundEvent event;
            try {
                event = inbound.decode(message);
            } catch (UndecodableEventException e) {
                log.debug("Engine feed skips an undecodable record (the read model's consumer dead-letters it)");
                return;
            }
            Schema.Field field = event.payload().getSchema().getField(idField);
            if (field == null || !(event.payload().get(field.pos()) instanceof UUID id)) {
                return;
            }
            awaitStored(jdbc, event.envelope().eventId());
            apply.to(event.payload(), id);
            applied.increment();
        };
    }

    private static void awaitStored(JdbcClient jdbc, UUID eventId) {
        long until = System.nanoTime() + STORED_WITHIN.toNanos();
        long pause = 5;
        while (jdbc.sql("select count(*) from processed_event where consumer = :consumer and event_id = :event_id")
                        .param("consumer", READ_MODEL_CONSUMER)
                        .param("event_id", eventId)
                        .query(Long.class)
                        .single()
                == 0) {
            if (System.nanoTime() > until) {
                log.warn(
                        "Event {} not stored by {} within {}; the engine takes the row as it is",
                        eventId,
                        READ_MODEL_CONSUMER,
                        STORED_WITHIN);
                return;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = Math.min(pause * 2, 200);
        }
    }
}
