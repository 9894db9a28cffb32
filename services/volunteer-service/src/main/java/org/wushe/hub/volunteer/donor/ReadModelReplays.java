package org.wushe.hub.volunteer.donor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.hub.platform.replay.ReadModelReplay;

/**
 * What {@code POST /admin/replay} rebuilds from the topics here: the read models of donors
 * ({@code wushe.resource.donor}) and of needs' categories ({@code wushe.community.need}). Never the
 * service's own state: volunteers, teams, hours, the points ledger, rewards, and the assignments that
 * follow match events (binding {@code matches-in-0}, group {@code volunteer-service}, not replayed).
 * A reward names its donor, but without a foreign key (V2), so the donors can be emptied and read again.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelReplays {

    @Bean
    ReadModelReplay readModelReplay() {
        return ReadModelReplay.of(DonorInbound.CONSUMER)
                .bindings("donors-in-0", "needs-in-0")
                .tables("donor", "need_category");
    }
}
