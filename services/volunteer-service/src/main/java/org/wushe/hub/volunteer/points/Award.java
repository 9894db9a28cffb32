package org.wushe.hub.volunteer.points;

import java.util.List;

/**
 * What the rules give for one hours credit.
 *
 * @param points            points to credit, after the daily cap (0: nothing is posted)
 * @param computedPoints    points before the cap
 * @param multiplierPercent flags and difficulty combined, in percent (200 = double)
 * @param difficulty        the difficulty the multiplier used
 * @param why               when no points are given, the reason as a code of the service's catalogue
 *                          ({@code messages/service}, put into words by the service); otherwise null
 * @param whyArgs           the reason's arguments
 */
public record Award(
        long points,
        long computedPoints,
        int multiplierPercent,
        ServiceDifficulty difficulty,
        String why,
        List<Object> whyArgs) {

    public boolean isNone() {
        return points == 0;
    }

    public boolean capped() {
        return points < computedPoints;
    }
}
