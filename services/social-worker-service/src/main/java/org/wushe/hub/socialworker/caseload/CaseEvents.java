package org.wushe.hub.socialworker.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.wushe.hub.events.socialworker.CaseClosed;
import org.wushe.hub.events.socialworker.CaseOpened;

/** The Avro events of a case: what other services see of it (no resident, no notes). */
final class CaseEvents {

    private CaseEvents() {}

    /** CaseOpened for a case just opened. */
    static CaseOpened opened(Case c, Instant now) {
        return CaseOpened.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCaseId(c.id())
                .setSocialWorkerId(c.socialWorkerId())
                .setStationId(c.stationId())
                .setCommunityId(c.communityId())
                .setCategory(c.category())
                .setBeneficiaryGroup(c.beneficiaryGroup())
                .setOpenedOn(c.openedOn())
                .build();
    }

    /** CaseClosed with its outcome, day and number of sessions. */
    static CaseClosed closed(Case c, CaseController.CloseCase r, LocalDate closedOn, Instant now) {
        return CaseClosed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCaseId(c.id())
                .setSocialWorkerId(c.socialWorkerId())
                .setStationId(c.stationId())
                .setOutcome(r.outcome())
                .setClosedOn(closedOn)
                .setSessionCount(c.sessionCount())
                .build();
    }
}
