package org.wushe.hub.volunteer.stars;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wushe.hub.volunteer.web.RuleViolation;

/**
 * The star rules (星级志愿者) as data: one version of them.
 *
 * @param version          version number; a newer version supersedes the older from {@code effectiveFrom}
 * @param thresholdHours   cumulative credited hours for 1★, 2★, …: strictly increasing, 1 to 10 levels
 *                         (shipped: 100, 300, 600, 1000, 1500)
 * @param keepOnCorrection when a correction takes hours back below a threshold: true keeps the star reached (shipped),
 *                         false drops it to what the hours still reach
 */
public record StarRules(
        int version, List<Integer> thresholdHours, boolean keepOnCorrection, Instant effectiveFrom, String note) {

    public static final int MAX_LEVELS = 10;

    public StarRules {
        thresholdHours = List.copyOf(thresholdHours);
    }

    /** The stars {@code totalMinutes} of credited hours reach: the number of thresholds at or below them. */
    public int starsFor(long totalMinutes) {
        int stars = 0;
        for (int hours : thresholdHours) {
            if (totalMinutes >= hours * 60L) {
                stars++;
            }
        }
        return stars;
    }

    /** Hours for the next star after {@code stars}; null at the top. */
    public Integer nextThresholdHours(int stars) {
        return stars < thresholdHours.size() ? thresholdHours.get(stars) : null;
    }

    /** What is wrong with these rules, if anything. */
    public List<RuleViolation> violations() {
        List<RuleViolation> v = new ArrayList<>();
        if (thresholdHours.isEmpty() || thresholdHours.size() > MAX_LEVELS) {
            v.add(new RuleViolation("thresholdHours", "stars.threshold-count", MAX_LEVELS));
            return v;
        }
        for (int i = 0; i < thresholdHours.size(); i++) {
            Integer h = thresholdHours.get(i);
            if (h == null || h < 1 || h > 100_000) {
                v.add(new RuleViolation("thresholdHours[" + i + "]", "stars.threshold-range"));
            } else if (i > 0 && thresholdHours.get(i - 1) != null && h <= thresholdHours.get(i - 1)) {
                v.add(new RuleViolation(
                        "thresholdHours[" + i + "]", "stars.threshold-rising", thresholdHours.get(i - 1)));
            }
        }
        return v;
    }

    StarRules asVersion(int version, Instant from) {
        return new StarRules(version, thresholdHours, keepOnCorrection, from, note);
    }
}
