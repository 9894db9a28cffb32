package org.wushe.hub.socialworker.group;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;

/** A group (小组) run by a social worker at their station, with the sessions held so far. */
public record WorkGroup(
        UUID id,
        UUID socialWorkerId,
        UUID stationId,
        UUID communityId,
        String title,
        Category category,
        BeneficiaryGroup beneficiaryGroup,
        Integer plannedSessions,
        List<Session> sessions,
        Instant createdAt) {

    /** A session held; who took part is not kept, only how many. */
    public record Session(
            UUID id, int sessionNumber, Instant heldAt, Integer minutes, int participantCount, String notes) {}
}
