package org.wushe.hub.socialworker.grid;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.community.CareVisitDue;
import org.wushe.hub.events.community.CareVisitState;
import org.wushe.hub.events.community.HazardReported;
import org.wushe.hub.events.community.PatrolRecorded;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * Binding {@code gridEvents-in-0} on {@code wushe.community.grid} (group {@code social-worker-service}): each
 * PatrolRecorded, HazardReported and CareVisitDue once, its fact written in the transaction that records its id;
 * SubsidyApplicationChanged is ignored (centre reports do not count applications); an undecodable record goes to
 * {@code wushe.community.grid.dlt}.
 */
@Configuration(proxyBeanMethods = false)
public class GridInbound {

    public static final String CONSUMER = "social-worker-service.grid";

    @Bean
    public Consumer<Message<byte[]>> gridEvents(InboundEvents inbound, GridFacts facts) {
        return inbound.consumer(CONSUMER)
                .on(
                        PatrolRecorded.class,
                        (envelope, p) -> facts.patrolled(
                                p.getPatrolId(),
                                p.getGridId(),
                                p.getCommunityId(),
                                p.getPatrolledOn(),
                                p.getHouseholdsVisited(),
                                p.getHazardsFound()))
                .on(
                        HazardReported.class,
                        (envelope, h) -> facts.hazard(
                                h.getHazardId(),
                                h.getPatrolId(),
                                h.getGridId(),
                                h.getCommunityId(),
                                h.getUrgency().name(),
                                h.getNeedId(),
                                h.getOccurredAt()))
                .on(CareVisitDue.class, (envelope, c) -> {
                    if (c.getState() == CareVisitState.OVERDUE) {
                        facts.overdue(
                                c.getCarePlanId(),
                                c.getGridId(),
                                c.getCommunityId(),
                                c.getDueOn(),
                                c.getLastVisitedOn());
                    } else if (c.getState() == CareVisitState.SCHEDULED) {
                        facts.scheduled(
                                c.getCarePlanId(),
                                c.getGridId(),
                                c.getCommunityId(),
                                c.getDueOn(),
                                c.getLastVisitedOn());
                    }
                })
                .build();
    }
}
