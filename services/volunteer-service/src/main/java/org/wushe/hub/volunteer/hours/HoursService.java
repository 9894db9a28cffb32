package org.wushe.hub.volunteer.hours;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.web.IdempotencyKeys;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.VolunteerProperties;
import org.wushe.hub.volunteer.points.PointsAccounts;
import org.wushe.hub.volunteer.points.PointsRules;
import org.wushe.hub.volunteer.points.PointsRulesService;
import org.wushe.hub.volunteer.points.PointsService;
import org.wushe.hub.volunteer.points.ServiceDifficulty;
import org.wushe.hub.volunteer.stars.StarService;
import org.wushe.hub.volunteer.volunteer.Volunteer;
import org.wushe.hub.volunteer.volunteer.VolunteerLookups;
import org.wushe.hub.volunteer.web.Problems;

/**
 * Credits service hours and the points they earn, in one transaction with their events: from a
 * completed match (at most once per match), or logged by hand by station staff.
 */
@Service
public class HoursService {

    private static final Logger log = LoggerFactory.getLogger(HoursService.class);

    private final HoursRepository hours;
    private final VolunteerLookups volunteers;
    private final PointsAccounts accounts;
    private final PointsRulesService rules;
    private final PointsService points;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final VolunteerProperties properties;
    private final MeterRegistry meters;
    private final StarService stars;

    public HoursService(
            HoursRepository hours,
            VolunteerLookups volunteers,
            PointsAccounts accounts,
            PointsRulesService rules,
            PointsService points,
            OutboxWriter outbox,
            Clock clock,
            VolunteerProperties properties,
            MeterRegistry meters,
            StarService stars) {
        this.hours = hours;
        this.volunteers = volunteers;
        this.accounts = accounts;
        this.rules = rules;
        this.points = points;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        this.stars = stars;
    }

    /** Hours credited, with the points they earned (0 and a reason when none). */
    public record Credit(
            ServiceHours hours,
            long totalMinutes,
            long pointsAwarded,
            long pointsComputed,
            int multiplierPercent,
            Integer ruleVersion,
            String noPointsReason,
            UUID pointsTransactionId) {}

    /** What a completed match tells: the volunteer, the minutes, and where. */
    public record CompletedMatch(
            UUID matchId,
            UUID needId,
            UUID volunteerId,
            int serviceMinutes,
            UUID stationId,
            UUID communityId,
            Category category,
            Instant completedAt) {}

    /**
     * Credits the hours of a completed match, once per match however often it is announced. Throws
     * (so that the event goes to the dead-letter topic with the reason) when it cannot be credited.
     */
    @Transactional
    public Optional<Credit> creditCompletedMatch(CompletedMatch m) {
        Optional<ServiceHours> earlier = hours.byMatch(m.matchId());
        if (earlier.isPresent()) {
            log.info(
                    "Match {} was credited already (hours {}); a second completion is ignored",
                    m.matchId(),
                    earlier.get().id());
            meters.counter("wushe.volunteer.hours.credits", "source", "MATCH", "outcome", "already-credited")
                    .increment();
            return Optional.empty();
        }
        if (m.serviceMinutes() > PointsRules.MAX_MINUTES_PER_CREDIT) {
            throw new IllegalArgumentException("match " + m.matchId() + " reports " + m.serviceMinutes()
                    + " service minutes; one credit holds at most " + PointsRules.MAX_MINUTES_PER_CREDIT);
        }
        Volunteer v = volunteers
                .find(m.volunteerId())
                .orElseThrow(() -> new IllegalStateException("match " + m.matchId() + " names volunteer "
                        + m.volunteerId() + ", who is not registered here"));
        LocalDate servedOn = LocalDate.ofInstant(m.completedAt(), properties.zone());
        return Optional.of(credit(
                v,
                m.serviceMinutes(),
                HoursSource.MATCH,
                m.matchId(),
                m.stationId(),
                m.communityId(),
                m.category(),
                null,
                servedOn,
                null,
                null,
                null,
                null));
    }

    public record ManualHours(
            int minutes,
            LocalDate servedOn,
            UUID stationId,
            UUID communityId,
            Category category,
            ServiceDifficulty difficulty,
            String loggedBy,
            String note) {}

    public record ManualResult(Credit credit, boolean replayed) {}

    /** Hours logged by hand by station staff (手工补录), marked MANUAL. A retry with the same key logs nothing more. */
    @Transactional
    public ManualResult logManual(UUID volunteerId, ManualHours r, String idempotencyKey) {
        Volunteer v = volunteers
                .find(volunteerId)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("volunteer.not-found", volunteerId)));
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        if (r.servedOn().isAfter(today)) {
            throw new InvalidInputException("servedOn", Messages.text("hours.in-future"));
        }
        long limit = properties.hoursBackdateLimit().toDays();
        if (r.servedOn().isBefore(today.minusDays(limit))) {
            throw new InvalidInputException("servedOn", Messages.text("hours.too-late", limit, today.minusDays(limit)));
        }
        if (r.category() == Category.UNKNOWN) {
            throw new InvalidInputException("category", Messages.text("hours.category-unknown"));
        }
        accounts.lock(volunteerId);
        if (idempotencyKey != null) {
            Optional<ServiceHours> earlier = hours.byIdempotencyKey(volunteerId, idempotencyKey);
            if (earlier.isPresent()) {
                ServiceHours h = earlier.get();
                if (h.minutes() != r.minutes() || !h.servedOn().equals(r.servedOn())) {
                    throw IdempotencyKeys.reused(h.minutes() + " minutes on " + h.servedOn());
                }
                return new ManualResult(
                        points.awardFor(h.id())
                                .map(t -> new Credit(
                                        h,
                                        hours.totalMinutes(volunteerId),
                                        t.points(),
                                        t.computedPoints(),
                                        t.multiplierPercent(),
                                        t.ruleVersion(),
                                        null,
                                        t.id()))
                                .orElseGet(() -> new Credit(
                                        h,
                                        hours.totalMinutes(volunteerId),
                                        0,
                                        0,
                                        0,
                                        null,
                                        "no points were given for these hours",
                                        null)),
                        true);
            }
        }
        return new ManualResult(
                credit(
                        v,
                        r.minutes(),
                        HoursSource.MANUAL,
                        null,
                        r.stationId(),
                        r.communityId(),
                        r.category(),
                        r.difficulty(),
                        r.servedOn(),
                        r.loggedBy(),
                        r.note(),
                        idempotencyKey,
                        null),
                false);
    }

    /**
     * Hours of an activity's attendance (签到/签退): {@code minutes} from check-in to check-out as the field's rules
     * count them, or the difference a staff correction makes. Credited once per {@code key} (e.g.
     * {@code checkout:<signUpId>}, {@code correction:<correctionId>}): empty when that key was credited already.
     * More than 0 minutes: a credit like any other (→ ServiceHoursCredited, source ACTIVITY, and points by the rules
     * in effect, the volunteer's flags included). Less than 0 (a correction that takes time back): an entry that lowers
     * the volunteer's total here, published nowhere (ServiceHoursCredited carries credits only) and earning no points;
     * points already awarded stay (the ledger has no reversal yet).
     */
    public record ActivityHours(
            UUID signUpId,
            UUID volunteerId,
            int minutes,
            UUID stationId,
            UUID communityId,
            LocalDate servedOn,
            String recordedBy,
            String note,
            String key) {}

    @Transactional
    public Optional<Credit> creditActivity(ActivityHours a) {
        if (a.minutes() == 0 || Math.abs(a.minutes()) > PointsRules.MAX_MINUTES_PER_CREDIT) {
            throw new IllegalArgumentException("activity hours of " + a.minutes() + " minutes; between 1 and "
                    + PointsRules.MAX_MINUTES_PER_CREDIT + " either way");
        }
        Volunteer v = volunteers
                .find(a.volunteerId())
                .orElseThrow(
                        () -> Problems.notFound("volunteerId", Messages.text("volunteer.not-found", a.volunteerId())));
        accounts.lock(v.id())
                .orElseThrow(() -> new IllegalStateException("volunteer " + v.id() + " has no points account"));
        if (hours.byIdempotencyKey(v.id(), a.key()).isPresent()) {
            meters.counter(
                            "wushe.volunteer.hours.credits",
                            "source",
                            HoursSource.ACTIVITY.name(),
                            "outcome",
                            "already-credited")
                    .increment();
            return Optional.empty();
        }
        if (a.minutes() > 0) {
            return Optional.of(credit(
                    v,
                    a.minutes(),
                    HoursSource.ACTIVITY,
                    null,
                    a.stationId(),
                    a.communityId(),
                    null,
                    null,
                    a.servedOn(),
                    a.recordedBy(),
                    a.note(),
                    a.key(),
                    a.signUpId()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PointsRules inEffect = rules.inEffectAt(now);
        ServiceHours h = new ServiceHours(
                UUID.randomUUID(),
                v.id(),
                a.minutes(),
                HoursSource.ACTIVITY,
                null,
                a.stationId(),
                a.communityId(),
                null,
                inEffect.difficultyOf(null),
                a.servedOn(),
                a.recordedBy(),
                a.note(),
                a.key(),
                now,
                a.signUpId());
        hours.insert(h);
        long total = hours.totalMinutes(v.id());
        stars.hoursChanged(v.id(), total, h.minutes(), now);
        meters.counter("wushe.volunteer.hours.credits", "source", HoursSource.ACTIVITY.name(), "outcome", "taken-back")
                .increment();
        return Optional.of(new Credit(
                h,
                total,
                0,
                0,
                0,
                inEffect.version(),
                "a correction that takes time back earns no points; points already awarded stay",
                null));
    }

    @Transactional(readOnly = true)
    public List<ServiceHours> of(UUID volunteerId, int limit) {
        if (!volunteers.exists(volunteerId)) {
            throw Problems.notFound("id", Messages.text("volunteer.not-found", volunteerId));
        }
        return hours.of(volunteerId, limit);
    }

    @Transactional(readOnly = true)
    public long totalMinutes(UUID volunteerId) {
        return hours.totalMinutes(volunteerId);
    }

    private Credit credit(
            Volunteer v,
            int minutes,
            HoursSource source,
            UUID matchId,
            UUID stationId,
            UUID communityId,
            Category category,
            ServiceDifficulty difficulty,
            LocalDate servedOn,
            String loggedBy,
            String note,
            String key,
            UUID signUpId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // The account lock serializes everything that counts this volunteer's hours and points.
        accounts.lock(v.id())
                .orElseThrow(() -> new IllegalStateException("volunteer " + v.id() + " has no points account"));
        PointsRules inEffect = rules.inEffectAt(now);
        ServiceDifficulty d = difficulty != null ? difficulty : inEffect.difficultyOf(category);
        ServiceHours h = new ServiceHours(
                UUID.randomUUID(),
                v.id(),
                minutes,
                source,
                matchId,
                stationId,
                communityId,
                category,
                d,
                servedOn,
                loggedBy,
                note,
                key,
                now,
                signUpId);
        hours.insert(h);
        long total = hours.totalMinutes(v.id());
        stars.hoursChanged(v.id(), total, minutes, now);
        outbox.publish(Aggregate.VOLUNTEER, v.id().toString(), HoursEvents.credited(h, total, now));
        meters.counter("wushe.volunteer.hours.credits", "source", source.name(), "outcome", "credited")
                .increment();
        PointsService.AwardOutcome award = points.awardForHours(
                v.id(), h.id(), minutes, source == HoursSource.MANUAL, v.flags(), d, servedOn, inEffect, now);
        return new Credit(
                h,
                total,
                award.award().points(),
                award.award().computedPoints(),
                award.award().multiplierPercent(),
                inEffect.version(),
                award.award().why() == null
                        ? null
                        : Messages.text(
                                award.award().why(), award.award().whyArgs().toArray()),
                award.transaction() == null ? null : award.transaction().id());
    }
}
