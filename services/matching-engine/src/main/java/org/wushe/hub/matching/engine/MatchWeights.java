package org.wushe.hub.matching.engine;

/**
 * Weights of the score components. They are relative: {@link MatchSettings} keeps them {@link #normalised()} to sum
 * 1, so {@code new MatchWeights(2, 1, 1, 1, 1, 1, 1)} gives skill 0.25 and 0.125 to each other component, and
 * {@code defaults().withSkill(0.5).withDistance(0.3)} weighs skill 0.5 against distance 0.3 and the other defaults,
 * whatever the order of the calls. A weight of 0 switches a component off (it is still reported, with weight 0).
 */
public record MatchWeights(
        double skill, double distance, double time, double urgency, double priority, double expiry, double fairness) {

    public MatchWeights {
        double[] all = {skill, distance, time, urgency, priority, expiry, fairness};
        double sum = 0;
        for (double w : all) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and not negative, got " + w);
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
    }

    /** The same proportions, summing to 1. */
    public MatchWeights normalised() {
        double sum = skill + distance + time + urgency + priority + expiry + fairness;
        return new MatchWeights(
                skill / sum, distance / sum, time / sum, urgency / sum, priority / sum, expiry / sum, fairness / sum);
    }

    /** skill 0.25, distance 0.20, time 0.15, urgency 0.15, priority 0.10, expiry 0.05, fairness 0.10. */
    public static MatchWeights defaults() {
        return new MatchWeights(0.25, 0.20, 0.15, 0.15, 0.10, 0.05, 0.10);
    }

    public MatchWeights withSkill(double w) {
        return new MatchWeights(w, distance, time, urgency, priority, expiry, fairness);
    }

    public MatchWeights withDistance(double w) {
        return new MatchWeights(skill, w, time, urgency, priority, expiry, fairness);
    }

    public MatchWeights withTime(double w) {
        return new MatchWeights(skill, distance, w, urgency, priority, expiry, fairness);
    }

    public MatchWeights withUrgency(double w) {
        return new MatchWeights(skill, distance, time, w, priority, expiry, fairness);
    }

    public MatchWeights withPriority(double w) {
        return new MatchWeights(skill, distance, time, urgency, w, expiry, fairness);
    }

    public MatchWeights withExpiry(double w) {
        return new MatchWeights(skill, distance, time, urgency, priority, w, fairness);
    }

    public MatchWeights withFairness(double w) {
        return new MatchWeights(skill, distance, time, urgency, priority, expiry, w);
    }
}
