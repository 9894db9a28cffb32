package org.wushe.hub.volunteer.matching;

import java.util.List;
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
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.platform.inbox.InboundEvents;
import org.wushe.hub.volunteer.hours.HoursService;
import org.wushe.hub.volunteer.volunteer.VolunteerLookups;

/**
 * Inbound adapters of the matching side, each idempotent by event id (the platform records it in the
 * transaction of the change). Both in batch mode (issue #16): a poll's events in one transaction, their ids recorded
 * in one statement, each handled in its order; a failing record is retried alone and dead-lettered without the rest:
 * <ul>
 *   <li>{@code matches-in-0} ({@code wushe.matching.match}): a match proposed for one of our volunteers
 *   becomes their assignment (PROPOSED), staff's acceptance makes it ACCEPTED, a decline by anyone
 *   DECLINED; a completed one credits hours and points, once per match. Each step moves an assignment
 *   only forward, so a late or repeated event changes nothing.</li>
 *   <li>{@code needs-in-0} ({@code wushe.community.need}): the category of each need, for the
 *   difficulty of the service when its match completes, and its coarse place for the assignment. A read model: consumer and group
 *   {@code volunteer-readmodel}, rebuilt by {@code POST /admin/replay}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class MatchInbound {

    public static final String CONSUMER = "volunteer-service";

    private static final Logger log = LoggerFactory.getLogger(MatchInbound.class);

    @Bean
    Consumer<Message<List<byte[]>>> matches(
            InboundEvents inbound,
            HoursService hours,
            AssignmentRepository assignments,
            NeedCategories needs,
            VolunteerLookups volunteers,
            AssignmentAnswers answers) {
        return inbound.batchConsumer(CONSUMER)
                .on(MatchProposed.class, (envelope, m) -> {
                    if (m.getVolunteerId() == null || !volunteers.exists(m.getVolunteerId())) {
                        return; // goods only, or a volunteer of whom MatchAccepted will say more
                    }
                    assignments.proposed(
                            m.getMatchId(),
                            m.getVolunteerId(),
                            m.getNeedId(),
                            m.getCommunityId(),
                            m.getStationId(),
                            m.getProposedWindow() == null
                                    ? null
                                    : m.getProposedWindow().getStart(),
                            m.getProposedWindow() == null
                                    ? null
                                    : m.getProposedWindow().getEnd(),
                            m.getOccurredAt());
                })
                .on(MatchDeclined.class, (envelope, m) -> {
                    if (m.getVolunteerId() != null) {
                        assignments.declinedByMatching(
                                m.getMatchId(), m.getDeclinedBy().name(), m.getOccurredAt());
                    }
                })
                .on(MatchAccepted.class, (envelope, m) -> {
                    if (m.getVolunteerId() == null) {
                        return; // goods only: nothing for a volunteer to do
                    }
                    boolean registered = volunteers.exists(m.getVolunteerId());
                    // Asked only of a volunteer not registered (any more): one query for everyone else, as before.
                    boolean left = !registered && volunteers.erased(m.getVolunteerId());
                    if (!registered && !left) {
                        throw new IllegalStateException("match " + m.getMatchId() + " names volunteer "
                                + m.getVolunteerId() + ", who is not registered here");
                    }
                    assignments.accepted(new Assignment(
                            m.getMatchId(),
                            m.getVolunteerId(),
                            m.getNeedId(),
                            m.getCommunityId(),
                            m.getStationId(),
                            m.getScheduledWindow() == null
                                    ? null
                                    : m.getScheduledWindow().getStart(),
                            m.getScheduledWindow() == null
                                    ? null
                                    : m.getScheduledWindow().getEnd(),
                            Assignment.Status.ACCEPTED,
                            m.getOccurredAt(),
                            null));
                    if (left) {
                        // Accepted while (or after) they erased their account: declined on their behalf.
                        answers.declineForLeaver(m.getMatchId(), m.getOccurredAt());
                    }
                })
                .on(MatchCompleted.class, (envelope, m) -> {
                    if (m.getVolunteerId() == null || m.getServiceMinutes() <= 0) {
                        log.debug("Match {} completed without volunteer time; no hours to credit", m.getMatchId());
                        return;
                    }
                    hours.creditCompletedMatch(new HoursService.CompletedMatch(
                            m.getMatchId(),
                            m.getNeedId(),
                            m.getVolunteerId(),
                            m.getServiceMinutes(),
                            m.getStationId(),
                            m.getCommunityId(),
                            needs.of(m.getNeedId()).orElse(null),
                            m.getOccurredAt()));
                    assignments.completed(
                            m.getMatchId(),
                            m.getVolunteerId(),
                            m.getNeedId(),
                            m.getCommunityId(),
                            m.getStationId(),
                            m.getOccurredAt());
                })
                .build();
    }

    @Bean
    Consumer<Message<List<byte[]>>> needs(InboundEvents inbound, NeedCategories needs) {
        return inbound.batchConsumer(org.wushe.hub.volunteer.donor.DonorInbound.CONSUMER)
                .on(
                        NeedPublished.class,
                        (envelope, n) -> needs.record(
                                n.getNeedId(),
                                n.getDetails().getCategory(),
                                n.getRevision(),
                                n.getDetails().getPlace().getGeohash()))
                .on(
                        NeedUpdated.class,
                        (envelope, n) -> needs.record(
                                n.getNeedId(),
                                n.getDetails().getCategory(),
                                n.getRevision(),
                                n.getDetails().getPlace().getGeohash()))
                .build();
    }
}
