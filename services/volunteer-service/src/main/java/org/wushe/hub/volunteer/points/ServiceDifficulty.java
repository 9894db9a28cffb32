package org.wushe.hub.volunteer.points;

/** How demanding a service was; the points rules give each a multiplier. */
public enum ServiceDifficulty {
    /** 轻松, e.g. handing out goods at an event. */
    LIGHT,
    /** 一般. */
    STANDARD,
    /** 繁重, e.g. escorting an elder to hospital for a morning. */
    DEMANDING,
    /** 专业, e.g. legal advice, gas-pipe checks, repairs. */
    SPECIALIST
}
