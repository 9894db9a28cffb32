package org.wushe.hub.volunteer.points;

/**
 * What the rules give for one hours credit.
 *
 * @param points            points to credit, after the daily cap (0: nothing is posted)
 * @param computedPoints    points before the cap
 * @param multiplierPercent flags and difficulty combined, in percent (200 = double)
 * @param difficulty        the difficulty the multiplier used
 * @param why               a plain reason when no points are given
 */
public record Award(long points, long computedPoints, int multiplierPercent, ServiceDifficulty difficulty, String why) {

    public boolean isNone() {
        return points == 0;
    }

    public boolean capped() {
        return points < computedPoints;
    }
}
