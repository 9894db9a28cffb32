package org.wushe.hub.socialworker.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.socialworker.CaseOutcome;

/** A case (个案) of one social worker at their station, for one resident known only as {@code residentRef}. */
public record Case(
        UUID id,
        UUID socialWorkerId,
        UUID stationId,
        UUID communityId,
        UUID residentRef,
        Category category,
        BeneficiaryGroup beneficiaryGroup,
        LocalDate openedOn,
        Status status,
        CaseOutcome outcome,
        LocalDate closedOn,
        int sessionCount,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        OPEN,
        CLOSED
    }
}
