package org.wushe.hub.platform.events;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every service makes sure the whole topic catalogue exists, with the same partition count as the
 * CDC connectors create (so the first consumer to start does not get a one-partition topic from the
 * binder). Existing topics are left alone, or grow to the configured partitions. In production,
 * where topics are managed as Strimzi {@code KafkaTopic}s, {@code wushe.topics.provision=false}.
 */
public final class TopicProvisioning {

    private TopicProvisioning() {}

    public static KafkaAdmin.NewTopics catalogue(int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (Aggregate aggregate : Aggregate.values()) {
            topics.add(
                    TopicBuilder.name(aggregate.topic()).partitions(partitions).build());
            topics.add(
                    TopicBuilder.name(aggregate.deadLetterTopic()).partitions(1).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
