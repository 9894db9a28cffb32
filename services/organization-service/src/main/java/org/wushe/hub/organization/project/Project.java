package org.wushe.hub.organization.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.organization.ProjectOutcome;

/** A public-benefit project (公益项目) of one organization, with the grants it won. */
public record Project(
        UUID id,
        UUID organizationId,
        String title,
        String goal,
        Category category,
        BeneficiaryGroup beneficiaryGroup,
        Integer targetPeople,
        LocalDate startsOn,
        LocalDate endsOn,
        Long budgetFen,
        List<UUID> servedCommunityIds,
        String geohash,
        Status status,
        ProjectOutcome outcome,
        LocalDate closedOn,
        Integer peopleReached,
        List<Grant> grants,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        ACTIVE,
        CLOSED
    }

    /** A venture-philanthropy grant (公益创投) or other funding round won by the project. */
    public record Grant(UUID id, String programme, String funder, long amountFen, LocalDate awardedOn) {}

    public long grantedFen() {
        return grants.stream().mapToLong(Grant::amountFen).sum();
    }
}
