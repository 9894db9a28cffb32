package org.wushe.hub.volunteer.stars;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.web.Problems;

/**
 * Star ratings (星级志愿者) by cumulative credited hours, under the star rules in effect. Hours call
 * {@link #hoursChanged} in the transaction that credits or takes back a volunteer's hours (under the volunteer's
 * points-account lock), so a star changes exactly when the total does: a redelivered credit that credits nothing
 * changes nothing. A star is reached when the total crosses a threshold; a correction that takes hours back below a
 * threshold keeps the star or drops it as the rules in effect say ({@code keepOnCorrection}). A new rules version
 * takes effect on each volunteer's next change of hours; stars already reached are not taken away by it.
 */
@Service
public class StarService {

    static final String CREDIT = "CREDIT";
    static final String CORRECTION = "CORRECTION";

    private final StarRepository stars;
    private final Clock clock;

    public StarService(StarRepository stars, Clock clock) {
        this.stars = stars;
        this.clock = clock;
    }

    /** A volunteer's star as shown to them and to the staff who may see them. */
    public record Star(
            int stars,
            String label,
            double totalHours,
            Integer nextThresholdHours,
            Integer ruleVersion,
            Instant since) {

        static Star none(StarRules rules) {
            return new Star(0, "", 0, rules.nextThresholdHours(0), rules.version(), null);
        }
    }

    public record NewStarRules(
            @NotNull @Size(min = 1, max = StarRules.MAX_LEVELS)
            List<Integer> thresholdHours,

            Boolean keepOnCorrection,
            Instant effectiveFrom,
            @Size(max = 200) String note) {}

    /**
     * The volunteer's hours changed by {@code deltaMinutes} to {@code totalMinutes} (in the caller's transaction): the
     * star follows. Returns the stars held afterwards.
     */
    public int hoursChanged(UUID volunteerId, long totalMinutes, int deltaMinutes, Instant now) {
        StarRules rules = stars.inEffectAt(now);
        StarRepository.Held held = stars.held(volunteerId).orElse(null);
        int before = held == null ? 0 : held.stars();
        int reached = rules.starsFor(totalMinutes);
        int after;
        if (reached > before) {
            after = reached;
        } else if (reached < before && deltaMinutes < 0 && !rules.keepOnCorrection()) {
            after = reached;
        } else {
            after = before;
        }
        Instant since = held == null || after != before ? now : held.since();
        stars.upsert(new StarRepository.Held(
                volunteerId,
                after,
                totalMinutes,
                after != before || held == null ? rules.version() : held.ruleVersion(),
                since,
                now));
        if (after != before) {
            stars.logChange(
                    volunteerId,
                    before,
                    after,
                    totalMinutes,
                    rules.version(),
                    deltaMinutes < 0 ? CORRECTION : CREDIT,
                    now);
        }
        return after;
    }

    /** The volunteer's star: none (0) before their first hours. */
    @Transactional(readOnly = true)
    public Star of(UUID volunteerId) {
        StarRules rules = stars.inEffectAt(clock.instant());
        return stars.held(volunteerId)
                .map(h -> new Star(
                        h.stars(),
                        "★".repeat(h.stars()),
                        h.totalMinutes() / 60.0,
                        rules.nextThresholdHours(h.stars()),
                        h.ruleVersion(),
                        h.since()))
                .orElseGet(() -> Star.none(rules));
    }

    @Transactional(readOnly = true)
    public StarRules current() {
        return stars.inEffectAt(clock.instant());
    }

    @Transactional(readOnly = true)
    public List<StarRules> all() {
        return stars.all();
    }

    /** Adds a version of the star rules, effective now or later (never in the past). */
    @Transactional
    public StarRules add(NewStarRules r) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant from = r.effectiveFrom() == null ? now : r.effectiveFrom().truncatedTo(ChronoUnit.MILLIS);
        if (from.isBefore(now.minusSeconds(60))) {
            throw new InvalidInputException("effectiveFrom", Messages.text("stars.effective-in-past"));
        }
        StarRules candidate =
                new StarRules(0, r.thresholdHours(), !Boolean.FALSE.equals(r.keepOnCorrection()), from, r.note());
        Problems.rejectIfAny(candidate.violations());
        StarRules versioned = candidate.asVersion(stars.nextVersion(), from);
        stars.insert(versioned, now);
        return versioned;
    }
}
