package org.wushe.hub.community.inbound;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.community.need.NeedDraft;
import org.wushe.hub.community.need.NeedService;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.socialworker.VisitRaisedNeed;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * Binding {@code visits-in-0} ({@code wushe.socialworker.worker}, group {@code community-service}): a
 * social worker's visit that found a need (VisitRaisedNeed) becomes a published need, checked exactly
 * as {@code POST /needs} checks one, with its NeedPublished through the outbox; once per event (platform)
 * and once per visit. A need that breaks a rule is dead-lettered to {@code wushe.socialworker.worker.dlt}
 * with every broken rule as the reason. The topic's other events (registrations, cases, visits that
 * found nothing) are not for this service and are skipped.
 */
@Configuration(proxyBeanMethods = false)
public class VisitInbound {

    @Bean
    Consumer<Message<byte[]>> visits(InboundEvents inbound, NeedService needs) {
        return inbound.consumer(MatchInbound.CONSUMER)
                .on(
                        VisitRaisedNeed.class,
                        (envelope, v) -> needs.publishRaised(
                                v.getVisitId(), draft(v), v.getDetails().getResidentRef()))
                .build();
    }

    /** The need as the visit describes it; the station is the one whose staff handle it, the place is the coarse one. */
    static NeedDraft draft(VisitRaisedNeed v) {
        NeedDetails d = v.getDetails();
        return new NeedDraft(
                v.getCommunityId(),
                v.getStationId(),
                d.getPlace() == null ? null : d.getPlace().getGridId(),
                null,
                d.getSource(),
                d.getCategory(),
                d.getUrgency(),
                d.getBeneficiaryGroup(),
                d.getBeneficiaryCount(),
                d.getTitle(),
                d.getPlace() == null ? null : d.getPlace().getGeohash(),
                d.getTimeWindow().getStart(),
                d.getTimeWindow().getEnd(),
                d.getQuantity() == null ? null : d.getQuantity().getAmount(),
                d.getQuantity() == null ? null : d.getQuantity().getUnit(),
                d.getRequiredSkills(),
                d.getRequiredLanguages(),
                d.getEstimatedMinutes());
    }
}
