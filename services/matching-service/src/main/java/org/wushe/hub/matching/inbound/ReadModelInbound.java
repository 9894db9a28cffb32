package org.wushe.hub.matching.inbound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.community.NeedClosed;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.NeedStatus;
import org.wushe.hub.events.community.NeedUpdated;
import org.wushe.hub.events.community.StationRegistered;
import org.wushe.hub.events.organization.ServiceCapacityOffered;
import org.wushe.hub.events.organization.ServiceCapacityWithdrawn;
import org.wushe.hub.events.resource.ResourceConsumed;
import org.wushe.hub.events.resource.ResourceExpired;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.events.resource.ResourceReleased;
import org.wushe.hub.events.resource.ResourceReservationFailed;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.events.volunteer.AssignmentAnswer;
import org.wushe.hub.events.volunteer.AssignmentAnswerKind;
import org.wushe.hub.events.volunteer.ServiceHoursCredited;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.matching.audit.AuditTrail;
import org.wushe.hub.matching.audit.Summary;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.engine.OfferSpec;
import org.wushe.hub.matching.engine.Vocabulary;
import org.wushe.hub.matching.engine.VolunteerSpec;
import org.wushe.hub.matching.proposal.EngineTransactions;
import org.wushe.hub.matching.proposal.Matchmaker;
import org.wushe.hub.matching.readmodel.ReadModel;
import org.wushe.hub.matching.readmodel.Replaying;
import org.wushe.hub.matching.readmodel.Specs;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * Spring Cloud Stream functional consumers that keep the read model and drive the match saga. Each
 * event is handled once, in the transaction that records its id (platform {@link InboundEvents});
 * the engine's memory changes after that transaction commits (not while a replay is on: the engine is reloaded
 * from the tables when it ends, see {@link Replaying}). Events about a need also go into its
 * audit trail ({@link AuditTrail}), in the same transaction. Offers, volunteers, capacities and stations
 * come in batches ({@link InboundEvents#batchConsumer}: one transaction per poll, runs of one type written
 * set-based); a revision older than the one known still never overwrites it. These bindings are what
 * {@code POST /admin/replay} rewinds (see {@code MatchingReplay}); while it runs, nothing is proposed. A record that cannot be decoded or
 * handled goes to {@code <topic>.dlt} with the reason, and the partition goes on.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelInbound {

    public static final String CONSUMER = "matching-service";

    private static final Logger log = LoggerFactory.getLogger(ReadModelInbound.class);

    /**
     * {@code needs-in-0} (batch mode): the needs of one poll are written set-based and matched together as one window
     * as the batch's transaction commits ({@link Matchmaker#proposeBeforeCommit}); closed needs withdraw their
     * proposals. A run of {@code NeedUpdated} (edits, and the moves staff or the saga announce; a proposal itself is
     * not echoed) is written in one statement, and only the needs back to PUBLISHED are matched again.
     */
    @Bean
    Consumer<Message<List<byte[]>>> needs(
            InboundEvents inbound, ReadModel readModel, Matchmaker matchmaker, AuditTrail audit) {
        return inbound.batchConsumer(CONSUMER)
                .onRun(NeedPublished.class, run -> {
                    audit.recordAll(run.stream()
                            .map(r -> new AuditTrail.Line(
                                    r.envelope(), r.payload().getNeedId(), Summary.of(r.payload())))
                            .toList());
                    List<UUID> inserted = readModel.insertNeeds(run.stream()
                            .map(r -> {
                                NeedPublished n = r.payload();
                                return needPut(
                                        n.getNeedId(),
                                        n.getCommunityId(),
                                        n.getStationId(),
                                        n.getDetails(),
                                        n.getRevision(),
                                        n.getOccurredAt().toEpochMilli(),
                                        r.envelope());
                            })
                            .toList());
                    Map<UUID, String> traces = new LinkedHashMap<>();
                    run.forEach(r -> traces.putIfAbsent(
                            r.payload().getNeedId(), r.envelope().traceparent()));
                    Map<UUID, String> fresh = new LinkedHashMap<>();
                    inserted.forEach(id -> fresh.put(id, traces.get(id)));
                    matchmaker.proposeBeforeCommit(fresh);
                })
                .onRun(NeedUpdated.class, run -> {
                    audit.recordAll(run.stream()
                            .map(r -> new AuditTrail.Line(
                                    r.envelope(), r.payload().getNeedId(), Summary.of(r.payload())))
                            .toList());
                    Map<UUID, ReadModel.NeedRow> known = readModel.needs(
                            run.stream().map(r -> r.payload().getNeedId()).toList());
                    readModel.putNeeds(run.stream()
                            .map(r -> {
                                NeedUpdated n = r.payload();
                                ReadModel.NeedRow k = known.get(n.getNeedId());
                                long publishedAt = k != null
                                        ? k.spec().publishedAtMillis()
                                        : n.getOccurredAt().toEpochMilli();
                                return needPut(
                                        n.getNeedId(),
                                        n.getCommunityId(),
                                        n.getStationId(),
                                        n.getDetails(),
                                        n.getRevision(),
                                        publishedAt,
                                        r.envelope());
                            })
                            .toList());
                    // Back to PUBLISHED after a decline: the decline proposed the next candidate already, so this
                    // only matters when the need has no live match (e.g. it was edited while waiting).
                    Map<UUID, String> republished = new LinkedHashMap<>();
                    run.stream()
                            .filter(r -> r.payload().getStatus() == NeedStatus.PUBLISHED)
                            .forEach(r -> republished.putIfAbsent(
                                    r.payload().getNeedId(), r.envelope().traceparent()));
                    matchmaker.proposeBeforeCommit(republished);
                })
                .on(NeedClosed.class, (envelope, n) -> {
                    audit.record(envelope, n.getNeedId(), Summary.of(n));
                    matchmaker.needClosed(n.getNeedId(), n.getOutcome(), n.getMatchId());
                })
                .build();
    }

    /** A need's row for the read model, as the event of {@code envelope} gives it. */
    private static ReadModel.NeedPut needPut(
            UUID needId,
            UUID communityId,
            UUID stationId,
            org.wushe.hub.events.common.NeedDetails details,
            int revision,
            long publishedAtMillis,
            org.wushe.hub.platform.events.EventEnvelope envelope) {
        return new ReadModel.NeedPut(
                Specs.need(needId, communityId, stationId, details, publishedAtMillis),
                details.getTitle(),
                revision,
                envelope.occurredAt());
    }

    /**
     * {@code offers-in-0} (batch mode): offers and their stock; the resource service's answers to accepted matches.
     * A run of offers in a batch is written in one statement.
     */
    @Bean
    Consumer<Message<List<byte[]>>> offers(
            InboundEvents inbound,
            ReadModel readModel,
            MatchEngine engine,
            Replaying replaying,
            Matchmaker matchmaker,
            AuditTrail audit) {
        return inbound.batchConsumer(CONSUMER)
                // First offered (revision 0), or changed by its provider (a later revision, with what is still
                // available).
                .onRun(
                        ResourceOffered.class,
                        run -> putOffers(
                                readModel,
                                engine,
                                replaying,
                                run.stream()
                                        .map(r -> new ReadModel.OfferPut(
                                                Specs.offer(r.payload()),
                                                r.payload().getTitle(),
                                                r.payload().getRevision(),
                                                r.envelope().occurredAt()))
                                        .toList()))
                // An activity's venue (activityId set) is no match of ours: only what is left of the venue counts here.
                .on(ResourceReserved.class, (envelope, r) -> {
                    remaining(readModel, engine, replaying, envelope.occurredAt(), r.getOfferId(), r.getRemaining());
                    if (r.getActivityId() == null) {
                        audit.record(envelope, r.getNeedId(), Summary.of(r));
                        matchmaker.reserved(r.getMatchId());
                    }
                })
                .on(ResourceReservationFailed.class, (envelope, r) -> {
                    remaining(readModel, engine, replaying, envelope.occurredAt(), r.getOfferId(), r.getAvailable());
                    if (r.getActivityId() == null) {
                        audit.record(envelope, r.getNeedId(), Summary.of(r));
                        matchmaker.reservationFailed(r.getMatchId(), "资源无法预留 reservation failed: " + r.getReason());
                    }
                })
                .on(ResourceReleased.class, (envelope, r) -> {
                    remaining(readModel, engine, replaying, envelope.occurredAt(), r.getOfferId(), r.getRemaining());
                    if (r.getActivityId() == null) {
                        audit.record(envelope, r.getNeedId(), Summary.of(r));
                    }
                })
                .on(ResourceConsumed.class, (envelope, r) -> {
                    remaining(readModel, engine, replaying, envelope.occurredAt(), r.getOfferId(), r.getRemaining());
                    if (r.getActivityId() == null) {
                        audit.record(envelope, r.getNeedId(), Summary.of(r));
                    }
                })
                // Expired, or withdrawn by its provider (reason WITHDRAWN): never proposed again.
                .on(ResourceExpired.class, (envelope, r) -> {
                    if (readModel.deactivateOffer(r.getOfferId(), Integer.MAX_VALUE, envelope.occurredAt())) {
                        toEngine(replaying, () -> engine.removeOffer(r.getOfferId()));
                    }
                })
                .build();
    }

    /**
     * A change to the engine once the batch's transaction commits, unless a replay is on: then the engine is
     * reloaded from the tables when it ends ({@link Replaying#toEngine}), and a replay spends no time on it.
     */
    private static void toEngine(Replaying replaying, Runnable change) {
        EngineTransactions.afterCommit(() -> replaying.toEngine(change));
    }

    /**
     * Writes offers (or capacities) unless a later revision is known; the engine gets those written once the
     * batch commits.
     */
    private static void putOffers(
            ReadModel readModel, MatchEngine engine, Replaying replaying, List<ReadModel.OfferPut> offers) {
        Map<UUID, OfferSpec> written = readModel.putOffers(offers);
        if (written.size() < offers.size()) {
            log.debug(
                    "{} of {} offers skipped: older than the ones known",
                    offers.size() - written.size(),
                    offers.size());
        }
        if (!written.isEmpty()) {
            toEngine(replaying, () -> written.values().forEach(engine::putOffer));
        }
    }

    private static void remaining(
            ReadModel readModel,
            MatchEngine engine,
            Replaying replaying,
            java.time.Instant at,
            UUID offerId,
            org.wushe.hub.events.common.Allocation allocation) {
        readModel.offer(offerId).ifPresent(offer -> {
            Long left = Specs.remaining(offer.spec().kind(), allocation);
            if (left != null) {
                readModel.setRemaining(offerId, left, at);
                toEngine(replaying, () -> engine.setRemaining(offerId, left));
            }
        });
    }

    /**
     * {@code volunteers-in-0} (batch mode): volunteers, their skills, home area and availability; and a volunteer's
     * own answer to a match ({@code assignmentAnswer}): a decline declines the match as staff's would, and the next
     * candidate is proposed. A run of registrations, or of declarations, is written in one statement.
     */
    @Bean
    Consumer<Message<List<byte[]>>> volunteers(
            InboundEvents inbound,
            ReadModel readModel,
            MatchEngine engine,
            Replaying replaying,
            AuditTrail audit,
            Matchmaker matchmaker) {
        return inbound.batchConsumer(CONSUMER)
                .onRun(VolunteerRegistered.class, run -> {
                    List<ReadModel.VolunteerPut> puts = new ArrayList<>(run.size());
                    for (var r : run) {
                        VolunteerSpec spec = Specs.volunteer(r.payload());
                        puts.add(new ReadModel.VolunteerPut(
                                spec, label(spec), r.envelope().occurredAt()));
                    }
                    putVolunteers(readModel, engine, replaying, puts);
                })
                .onRun(VolunteerAvailabilityDeclared.class, run -> {
                    List<ReadModel.AvailabilityPut> puts = new ArrayList<>(run.size());
                    for (var r : run) {
                        VolunteerAvailabilityDeclared a = r.payload();
                        puts.add(new ReadModel.AvailabilityPut(
                                a.getVolunteerId(),
                                Specs.availability(a.getAvailability()),
                                r.envelope().occurredAt()));
                        AssignmentAnswer answer = a.getAssignmentAnswer();
                        if (answer != null) {
                            // The answer sees the read model as it was when it was given.
                            putAvailability(readModel, engine, replaying, puts);
                            puts = new ArrayList<>();
                            audit.record(r.envelope(), answer.getNeedId(), Summary.of(a));
                            if (answer.getAnswer() == AssignmentAnswerKind.DECLINED) {
                                matchmaker.volunteerDeclined(
                                        answer.getMatchId(), a.getVolunteerId(), answer.getDeclineReason());
                            }
                        }
                    }
                    putAvailability(readModel, engine, replaying, puts);
                })
                // Only for the audit: hours credited for one of our matches belong to that need's history.
                .on(ServiceHoursCredited.class, (envelope, h) -> {
                    if (h.getMatchId() != null) {
                        audit.needOfMatch(h.getMatchId())
                                .ifPresent(needId -> audit.record(envelope, needId, Summary.of(h)));
                    }
                })
                .build();
    }

    /**
     * Writes declarations of availability in one statement. The engine gets the specs as stored, once the batch
     * commits; during a replay, which leaves the engine alone, they are not even read back. A declaration for a
     * volunteer this service does not hold fails the batch (and then, alone, goes to the dead-letter topic).
     */
    private static void putAvailability(
            ReadModel readModel, MatchEngine engine, Replaying replaying, List<ReadModel.AvailabilityPut> puts) {
        if (puts.isEmpty()) {
            return;
        }
        Map<UUID, VolunteerSpec> written = replaying.isOn() ? null : new HashMap<>();
        Set<UUID> found = readModel.putAvailability(puts, written);
        for (ReadModel.AvailabilityPut p : puts) {
            if (!found.contains(p.volunteerId())) {
                throw new IllegalStateException(
                        "availability of volunteer " + p.volunteerId() + ", who is not registered here");
            }
        }
        if (written != null) {
            toEngine(replaying, () -> written.values().forEach(engine::putVolunteer));
        } else {
            // Written during a replay: skipped by the gate, unless the replay ended before this commit's turn, in
            // which case the engine gets the committed specs.
            toEngine(replaying, () -> readModel.volunteers(found).values().forEach(engine::putVolunteer));
        }
    }

    /** Writes volunteers in one statement; the engine gets them, in order, once the batch commits. */
    private static void putVolunteers(
            ReadModel readModel, MatchEngine engine, Replaying replaying, List<ReadModel.VolunteerPut> puts) {
        if (puts.isEmpty()) {
            return;
        }
        readModel.putVolunteers(puts);
        List<VolunteerSpec> specs =
                puts.stream().map(ReadModel.VolunteerPut::spec).toList();
        toEngine(replaying, () -> specs.forEach(engine::putVolunteer));
    }

    /**
     * No names reach this service: staff see the volunteer's short id and skills (the console says
     * "volunteer" beside it); the volunteer service has the rest.
     */
    static String label(VolunteerSpec v) {
        String skills = v.skills().stream().map(Vocabulary::zh).collect(Collectors.joining("、"));
        return v.volunteerId().toString().substring(0, 8) + (skills.isEmpty() ? "" : " · " + skills);
    }

    /**
     * {@code capacities-in-0} (batch mode): service capacity organizations offer (the rest of the topic is skipped).
     */
    @Bean
    Consumer<Message<List<byte[]>>> capacities(
            InboundEvents inbound, ReadModel readModel, MatchEngine engine, Replaying replaying) {
        return inbound.batchConsumer(CONSUMER)
                .onRun(
                        ServiceCapacityOffered.class,
                        run -> putOffers(
                                readModel,
                                engine,
                                replaying,
                                run.stream()
                                        .map(c -> new ReadModel.OfferPut(
                                                Specs.capacity(c.payload()),
                                                c.payload().getTitle(),
                                                c.payload().getRevision(),
                                                c.envelope().occurredAt()))
                                        .toList()))
                .on(ServiceCapacityWithdrawn.class, (envelope, c) -> {
                    if (readModel.deactivateOffer(c.getCapacityId(), c.getRevision(), envelope.occurredAt())) {
                        toEngine(replaying, () -> engine.removeOffer(c.getCapacityId()));
                    }
                })
                .build();
    }

    /** {@code stations-in-0} (batch mode): the station hierarchy, for escalation to the centre above a station. */
    @Bean
    Consumer<Message<List<byte[]>>> stations(InboundEvents inbound, ReadModel readModel) {
        return inbound.batchConsumer(CONSUMER)
                .onRun(
                        StationRegistered.class,
                        run -> readModel.putStations(run.stream()
                                .map(r -> new ReadModel.Station(
                                        r.payload().getStationId(),
                                        r.payload().getParentStationId(),
                                        r.payload().getLevel().name(),
                                        r.payload().getName()))
                                .toList()))
                .build();
    }
}
