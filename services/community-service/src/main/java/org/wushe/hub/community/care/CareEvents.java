package org.wushe.hub.community.care;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.community.CareVisitDue;
import org.wushe.hub.events.community.CareVisitState;

/** The Avro events of care plans: the plan id, the grid, the dates; never the resident, the risk or a note. */
final class CareEvents {

    private CareEvents() {}

    static CareVisitDue scheduled(CarePlan p, Instant at) {
        return due(p, CareVisitState.SCHEDULED, at);
    }

    static CareVisitDue overdue(CarePlan p, Instant at) {
        return due(p, CareVisitState.OVERDUE, at);
    }

    private static CareVisitDue due(CarePlan p, CareVisitState state, Instant at) {
        return CareVisitDue.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setCarePlanId(p.id())
                .setGridId(p.gridId())
                .setCommunityId(p.communityId())
                .setDueOn(p.nextDueOn())
                .setLastVisitedOn(p.lastVisitedOn())
                .setState(state)
                .build();
    }
}
