package org.wushe.hub.matching.proposal;

import java.util.EnumSet;
import java.util.Set;

/**
 * A match's life: PROPOSED to the station → (ESCALATED to the centre after the acknowledgement
 * deadline) → ACCEPTED → RESERVED (the resource service holds the stock; offers only) → COMPLETED;
 * or DECLINED by staff, LAPSED unanswered, FAILED when the stock could not be reserved, WITHDRAWN
 * when the need closed first.
 */
public enum MatchStatus {
    PROPOSED,
    ESCALATED,
    ACCEPTED,
    RESERVED,
    COMPLETED,
    DECLINED,
    LAPSED,
    FAILED,
    WITHDRAWN;

    /** Statuses in which a match holds its candidate and is the need's one live match. */
    public static final Set<MatchStatus> LIVE = EnumSet.of(PROPOSED, ESCALATED, ACCEPTED, RESERVED);

    /** Awaiting a decision of staff. */
    public boolean isOpen() {
        return this == PROPOSED || this == ESCALATED;
    }

    public boolean isLive() {
        return LIVE.contains(this);
    }
}
