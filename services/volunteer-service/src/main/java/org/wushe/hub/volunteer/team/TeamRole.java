package org.wushe.hub.volunteer.team;

/** 队长 leader or 队员 member. */
public enum TeamRole {
    LEADER,
    MEMBER
}
