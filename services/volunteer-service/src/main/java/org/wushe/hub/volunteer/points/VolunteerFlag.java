package org.wushe.hub.volunteer.points;

/** What a volunteer is, as far as the points rules care: these flags raise the points they earn. */
public enum VolunteerFlag {
    /** 低龄老人: a young-old volunteer (recently retired), drawn in with double points. */
    YOUNG_OLD,
    /** 困境人群: the volunteer is in hardship; a flag only, with no detail. */
    IN_HARDSHIP
}
