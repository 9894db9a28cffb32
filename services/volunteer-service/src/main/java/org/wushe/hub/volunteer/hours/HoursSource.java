package org.wushe.hub.volunteer.hours;

/** Where credited hours come from. */
public enum HoursSource {
    /** A completed match (MatchCompleted). */
    MATCH,
    /** Logged by hand by station staff (手工补录); the points rules may exclude these from points. */
    MANUAL,
    /** From check-in to check-out (签到/签退) at an activity, and staff corrections of those times. */
    ACTIVITY
}
