package org.wushe.hub.matching.engine;

/** The score components, in the order the explanation lists them; {@link #key} is the stable machine name. */
enum Component {
    SKILL("skill"),
    DISTANCE("distance"),
    TIME("time"),
    URGENCY("urgency"),
    PRIORITY("priority"),
    EXPIRY("expiry"),
    FAIRNESS("fairness");

    static final Component[] ALL = values();

    final String key;

    Component(String key) {
        this.key = key;
    }

    double weight(MatchWeights w) {
        return switch (this) {
            case SKILL -> w.skill();
            case DISTANCE -> w.distance();
            case TIME -> w.time();
            case URGENCY -> w.urgency();
            case PRIORITY -> w.priority();
            case EXPIRY -> w.expiry();
            case FAIRNESS -> w.fairness();
        };
    }
}
