package org.wushe.hub.volunteer.matching;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.NeedUpdated;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.platform.inbox.InboundEvents;
import org.wushe.hub.volunteer.hours.HoursService;
import org.wushe.hub.volunteer.volunteer.VolunteerRepository;

/**
 * Inbound adapters of the matching side, each idempotent by event id (the platform records it in the
 * transaction of the change):
 * <ul>
 *   <li>{@code matches-in-0} ({@code wushe.matching.match}): an accepted match becomes the volunteer's
 *   assignment; a completed one credits hours and points, once per match.</li>
 *   <li>{@code needs-in-0} ({@code wushe.community.need}): the category of each need, for the
 *   difficulty of the service when its match completes. A read model: consumer and group
 *   {@code volunteer-readmodel}, rebuilt by {@code POST /admin/replay}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class MatchInbound {

    public static final String CONSUMER = "volunteer-service";

    private static final Logger log = LoggerFactory.getLogger(MatchInbound.class);

    @Bean
    Consumer<Message<byte[]>> matches(InboundEvents inbound, HoursService hours, AssignmentRepository assignments,
                                      NeedCategories needs, VolunteerRepository volunteers) {
        return inbound.consumer(CONSUMER)
                .on(MatchAccepted.class, (envelope, m) -> {
                    if (m.getVolunteerId() == null) {
                        return; // goods only: nothing for a volunteer to do
                    }
                    if (!volunteers.exists(m.getVolunteerId())) {
                        throw new IllegalStateException("match " + m.getMatchId() + " names volunteer " + m.getVolunteerId()
                                + ", who is not registered here");
                    }
                    assignments.accepted(new Assignment(m.getMatchId(), m.getVolunteerId(), m.getNeedId(), m.getCommunityId(),
                            m.getStationId(), m.getScheduledWindow() == null ? null : m.getScheduledWindow().getStart(),
                            m.getScheduledWindow() == null ? null : m.getScheduledWindow().getEnd(), Assignment.Status.ACCEPTED,
                            m.getOccurredAt(), null));
                })
                .on(MatchCompleted.class, (envelope, m) -> {
                    if (m.getVolunteerId() == null || m.getServiceMinutes() <= 0) {
                        log.debug("Match {} completed without volunteer time; no hours to credit", m.getMatchId());
                        return;
                    }
                    hours.creditCompletedMatch(new HoursService.CompletedMatch(m.getMatchId(), m.getNeedId(), m.getVolunteerId(),
                            m.getServiceMinutes(), m.getStationId(), m.getCommunityId(), needs.of(m.getNeedId()).orElse(null),
                            m.getOccurredAt()));
                    assignments.completed(m.getMatchId(), m.getVolunteerId(), m.getNeedId(), m.getCommunityId(), m.getStationId(),
                            m.getOccurredAt());
                })
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> needs(InboundEvents inbound, NeedCategories needs) {
        return inbound.consumer(org.wushe.hub.volunteer.donor.DonorInbound.CONSUMER)
                .on(NeedPublished.class, (envelope, n) -> needs.record(n.getNeedId(), n.getDetails().getCategory(), n.getRevision()))
                .on(NeedUpdated.class, (envelope, n) -> needs.record(n.getNeedId(), n.getDetails().getCategory(), n.getRevision()))
                .build();
    }
}
