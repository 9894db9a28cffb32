package org.wushe.hub.matching.engine;

/**
 * One part of a score, explained for station staff.
 *
 * @param component stable machine name: skill, distance, time, urgency, priority, expiry, fairness
 * @param weight    its weight; the weights of a proposal sum to 1
 * @param value     how well it fits, in [0, 1]
 * @param textZh    a plain sentence in Chinese, e.g. 志愿者住在约1.2公里外，步行约15分钟
 * @param textEn    the same in English, e.g. The volunteer lives about 1.2 km away, about 15 minutes on foot
 */
public record ScoreComponent(String component, double weight, double value, String textZh, String textEn) {

    /** weight × value: what this component adds to the score. */
    public double contribution() {
        return weight * value;
    }
}
