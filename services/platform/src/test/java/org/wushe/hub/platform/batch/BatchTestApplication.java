package org.wushe.hub.platform.batch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * A batch consumer built on the platform: each run of needs is written with one JDBC batch; a need whose
 * title starts with {@value #POISON} makes the handler throw.
 */
@SpringBootApplication
public class BatchTestApplication {

    public static final String CONSUMER = "batch-test";
    public static final String POISON = "poison";

    /** The size of each run the handler was given, in order: shows what came in one batch. */
    @Bean
    List<Integer> runSizes() {
        return new CopyOnWriteArrayList<>();
    }

    @Bean
    Consumer<Message<List<byte[]>>> batchNeeds(InboundEvents inbound, JdbcTemplate jdbc, List<Integer> runSizes) {
        return inbound.batchConsumer(CONSUMER)
                .onRun(NeedPublished.class, run -> {
                    runSizes.add(run.size());
                    for (var need : run) {
                        if (need.payload().getDetails().getTitle().startsWith(POISON)) {
                            throw new IllegalArgumentException(
                                    "need " + need.payload().getNeedId() + " is poison");
                        }
                    }
                    jdbc.batchUpdate(
                            "INSERT INTO batch_handled_event (event_id, need_id, title) VALUES (?, ?, ?)",
                            run.stream()
                                    .map(n -> new Object[] {
                                        n.envelope().eventId(),
                                        n.payload().getNeedId(),
                                        n.payload().getDetails().getTitle()
                                    })
                                    .toList());
                })
                .build();
    }
}
