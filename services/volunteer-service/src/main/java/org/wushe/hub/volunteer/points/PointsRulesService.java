package org.wushe.hub.volunteer.points;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.web.Problems;

/** Points rules are data: read them, and add a version that takes effect now or later (never in the past). */
@Service
public class PointsRulesService {

    private final PointsRulesRepository rules;
    private final Clock clock;

    public PointsRulesService(PointsRulesRepository rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    public record NewRules(
            @NotNull Integer pointsPerHour,
            @NotNull Map<VolunteerFlag, Integer> flagPercent,
            Boolean stackFlagMultipliers,
            @NotNull Map<ServiceDifficulty, Integer> difficultyPercent,
            Map<Category, ServiceDifficulty> categoryDifficulty,
            @NotNull ServiceDifficulty defaultDifficulty,
            @NotNull Boolean manualHoursEarnPoints,
            Integer expiryDays,
            Long dailyCap,
            Instant effectiveFrom,
            @Size(max = 200) String note) {}

    @Transactional(readOnly = true)
    public PointsRules current() {
        return rules.inEffectAt(clock.instant());
    }

    /** The rules in effect at {@code at}, in the caller's transaction (for hours, which credits by them). */
    public PointsRules inEffectAt(Instant at) {
        return rules.inEffectAt(at);
    }

    @Transactional(readOnly = true)
    public List<PointsRules> all() {
        return rules.all();
    }

    @Transactional
    public PointsRules add(NewRules r) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant from = r.effectiveFrom() == null ? now : r.effectiveFrom().truncatedTo(ChronoUnit.MILLIS);
        if (from.isBefore(now.minusSeconds(60))) {
            throw new InvalidInputException("effectiveFrom", Messages.text("points-rules.effective-in-past"));
        }
        PointsRules candidate = new PointsRules(
                0,
                r.pointsPerHour(),
                r.flagPercent(),
                Boolean.TRUE.equals(r.stackFlagMultipliers()),
                r.difficultyPercent(),
                r.categoryDifficulty() == null ? Map.of() : r.categoryDifficulty(),
                r.defaultDifficulty(),
                r.manualHoursEarnPoints(),
                r.expiryDays(),
                r.dailyCap(),
                from,
                r.note());
        Problems.rejectIfAny(candidate.violations());
        PointsRules versioned = candidate.asVersion(rules.nextVersion(), from);
        rules.insert(versioned, now);
        return versioned;
    }
}
