package org.wushe.hub.volunteer.donor;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.resource.DonorRegistered;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * Binding {@code donors-in-0} ({@code wushe.resource.donor}): keeps the donor read model, idempotent by
 * event id. With {@code needs-in-0} it is the read-model consumer ({@value #CONSUMER}, group
 * {@code volunteer-readmodel}) that {@code POST /admin/replay} rebuilds ({@link ReadModelReplays}).
 */
@Configuration(proxyBeanMethods = false)
public class DonorInbound {

    /** The read models' consumer: apart from the matches' ({@code volunteer-service}), whose effects are this service's own. */
    public static final String CONSUMER = "volunteer-readmodel";

    @Bean
    Consumer<Message<byte[]>> donors(InboundEvents inbound, DonorRepository donors) {
        return inbound.consumer(CONSUMER)
                .on(
                        DonorRegistered.class,
                        (envelope, d) -> donors.upsert(new Donor(
                                d.getDonorId(),
                                d.getName(),
                                d.getKind(),
                                d.getCommunityId(),
                                d.getPlace() == null ? null : d.getPlace().getDistrictCode(),
                                d.getOccurredAt())))
                .build();
    }
}
