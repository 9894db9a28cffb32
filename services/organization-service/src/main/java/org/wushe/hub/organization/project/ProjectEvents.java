package org.wushe.hub.organization.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.organization.ProjectClosed;
import org.wushe.hub.events.organization.ProjectGrantAwarded;
import org.wushe.hub.events.organization.ProjectLaunched;
import org.wushe.hub.organization.organization.Organization;
import org.wushe.hub.platform.place.CoarsePlaces;

/** The Avro events of a public-benefit project: launched, a grant awarded, closed. */
final class ProjectEvents {

    private ProjectEvents() {}

    /** ProjectLaunched: the project placed at {@code community} (or none) within the organization's area. */
    static ProjectLaunched launched(
            Project p, Organization o, List<UUID> served, UUID community, String geohash, Instant now) {
        return ProjectLaunched.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setProjectId(p.id())
                .setOrganizationId(o.id())
                .setTitle(p.title())
                .setGoal(p.goal())
                .setCategory(p.category())
                .setBeneficiaryGroup(p.beneficiaryGroup())
                .setTargetPeople(p.targetPeople())
                .setStartsOn(p.startsOn())
                .setEndsOn(p.endsOn())
                .setBudgetFen(p.budgetFen())
                .setServedCommunityIds(new ArrayList<>(served))
                .setPlace(CoarsePlaces.of(o.districtCode(), o.streetCode(), community, null, geohash))
                .build();
    }

    /** ProjectGrantAwarded for grant {@code g} of the project. */
    static ProjectGrantAwarded grantAwarded(Project p, Project.Grant g, Instant now) {
        return ProjectGrantAwarded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setGrantId(g.id())
                .setProjectId(p.id())
                .setOrganizationId(p.organizationId())
                .setProgramme(g.programme())
                .setFunder(g.funder())
                .setAmountFen(g.amountFen())
                .setAwardedOn(g.awardedOn())
                .build();
    }

    /** ProjectClosed with its outcome and the people reached. */
    static ProjectClosed closed(Project p, ProjectController.CloseProject r, Instant now) {
        return ProjectClosed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setProjectId(p.id())
                .setOrganizationId(p.organizationId())
                .setOutcome(r.outcome())
                .setClosedOn(r.closedOn())
                .setPeopleReached(r.peopleReached())
                .build();
    }
}
