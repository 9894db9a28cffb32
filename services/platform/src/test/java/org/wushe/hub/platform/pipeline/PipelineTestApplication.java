package org.wushe.hub.platform.pipeline;

import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.platform.inbox.InboundEvents;

/** A minimal service built on the platform the way every service is: an idempotent consumer of needs. */
@SpringBootApplication
public class PipelineTestApplication {

    public static final String CONSUMER = "pipeline-test";

    @Bean
    Consumer<Message<byte[]>> needs(InboundEvents inbound, JdbcTemplate jdbc) {
        return inbound.consumer(CONSUMER)
                .on(
                        NeedPublished.class,
                        (envelope, need) -> jdbc.update(
                                "INSERT INTO handled_event (event_id, need_id, revision) VALUES (?, ?, ?)",
                                envelope.eventId(),
                                need.getNeedId(),
                                need.getRevision()))
                .build();
    }
}
