package org.wushe.hub.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.wushe.hub.platform.Outages;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.schemas.UndecodableEventException;

/**
 * One dead-letter policy for every Spring Cloud Stream Kafka consumer of the hub: a record that cannot
 * be decoded goes straight to {@code <topic>.dlt}; any other failure is retried with back-off and then
 * goes there too. The dead letter keeps key, value and headers, and gains a
 * {@value EventHeaders#DEAD_LETTER_REASON} header (besides Spring Kafka's {@code kafka_dlt-*} headers),
 * so that the consumer goes on with the next record and nothing is silently dropped.
 */
public class DeadLetterPublishing implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublishing.class);

    private final KafkaOperations<byte[], byte[]> template;
    private final KafkaAdmin admin;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();
    private final MeterRegistry meters;

    public DeadLetterPublishing(KafkaOperations<byte[], byte[]> template, KafkaAdmin admin) {
        this(template, admin, new SimpleMeterRegistry());
    }

    /**
     * Counts dead letters in {@code wushe.dead.letters} (tags {@code topic}: the topic the record came from, and
     * {@code group}), registered at zero when the binding starts so an alert can watch its growth from the start.
     */
    public DeadLetterPublishing(KafkaOperations<byte[], byte[]> template, KafkaAdmin admin, MeterRegistry meters) {
        this.template = template;
        this.admin = admin;
        this.meters = meters;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false; // the error handler below does both
    }

    @Override
    public void configure(
            AbstractMessageListenerContainer<?, ?> container,
            String destinationName,
            String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            BackOff backOff) {
        for (String topic : destinationName.split(",")) {
            provision(Aggregate.deadLetterTopicOf(topic.trim()));
            deadLetters(topic.trim(), group);
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template, (record, ex) -> new TopicPartition(Aggregate.deadLetterTopicOf(record.topic()), -1));
        recoverer.setHeadersFunction((record, ex) -> {
            String reason = reason(ex);
            log.warn(
                    "Dead letter from {}-{}@{} ({}): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    group,
                    reason);
            deadLetters(record.topic(), group).increment();
            return new RecordHeaders(new RecordHeader[] {
                new RecordHeader(EventHeaders.DEAD_LETTER_REASON, reason.getBytes(StandardCharsets.UTF_8))
            });
        });
        ExponentialBackOff retry = new ExponentialBackOff(200, 2.0);
        retry.setMaxAttempts(4);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, retry);
        handler.addNotRetryableExceptions(UndecodableEventException.class);
        // The database (or another part the service needs) being down says nothing about the record: wait
        // for it, retrying without end, rather than dead-letter good events during an outage.
        handler.setBackOffFunction((record, ex) -> isOutage(ex) ? outageBackOff(record) : null);
        handler.setResetStateOnExceptionChange(true);
        container.setCommonErrorHandler(handler);
    }

    private static BackOff outageBackOff(ConsumerRecord<?, ?> record) {
        log.warn(
                "Waiting for the database to process {}-{}@{}: retrying until it answers",
                record.topic(),
                record.partition(),
                record.offset());
        ExponentialBackOff wait = new ExponentialBackOff(500, 2.0);
        wait.setMaxInterval(10_000);
        wait.setMaxAttempts(Integer.MAX_VALUE);
        return wait;
    }

    /** True when the failure is the infrastructure's, not the record's (see {@link Outages}). */
    static boolean isOutage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UndecodableEventException) {
                return false;
            }
        }
        return Outages.isOutage(ex);
    }

    private Counter deadLetters(String topic, String group) {
        return Counter.builder("wushe.dead.letters")
                .description("Records sent to <topic>.dlt after their retries")
                .tag("topic", topic)
                .tag("group", group == null ? "" : group)
                .register(meters);
    }

    private void provision(String topic) {
        if (provisioned.add(topic)) {
            admin.createOrModifyTopics(TopicBuilder.name(topic).partitions(1).build());
        }
    }

    /** The innermost message: what actually went wrong, not the listener's wrapper. */
    static String reason(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof UndecodableEventException) {
                break;
            }
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + ": " + (message == null ? "(no message)" : message);
    }
}
