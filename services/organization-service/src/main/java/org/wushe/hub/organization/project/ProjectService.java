package org.wushe.hub.organization.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.organization.incubation.CentreDecisions;
import org.wushe.hub.organization.organization.Organization;
import org.wushe.hub.organization.organization.OrganizationService;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.place.Geohashes;
import org.wushe.hub.platform.web.InvalidInputException;

@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final OrganizationService organizations;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ProjectService(
            ProjectRepository projects, OrganizationService organizations, OutboxWriter outbox, Clock clock) {
        this.projects = projects;
        this.organizations = organizations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Project launch(UUID organizationId, ProjectController.LaunchProject r) {
        Organization o =
                organizations.find(organizationId).orElseThrow(() -> OrganizationService.notFound(organizationId));
        ProjectRules.requirePeriod(r.startsOn(), r.endsOn(), Calendar.today(clock));
        if (!Geohashes.isValid(r.geohash())) {
            throw new InvalidInputException("geohash", Messages.text("place.not-a-geohash"));
        }
        List<UUID> served =
                r.servedCommunityIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(r.servedCommunityIds()));
        String geohash = Geohashes.coarse(r.geohash() != null ? r.geohash() : o.geohash());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Project p = new Project(
                UUID.randomUUID(),
                o.id(),
                r.title().strip(),
                r.goal().strip(),
                r.category(),
                r.beneficiaryGroup(),
                r.targetPeople(),
                r.startsOn(),
                r.endsOn(),
                r.budgetFen(),
                served,
                geohash,
                Project.Status.ACTIVE,
                null,
                null,
                null,
                List.of(),
                now,
                now);
        projects.insert(p);
        // One served community is the project's place; several leave it at the organization's home, if any.
        UUID community = served.size() == 1 ? served.get(0) : served.isEmpty() ? o.communityId() : null;
        outbox.publish(
                Aggregate.ORGANIZATION,
                o.id().toString(),
                ProjectEvents.launched(p, o, served, community, geohash, now));
        return p;
    }

    @Transactional
    public Project award(UUID projectId, ProjectController.AwardGrant r) {
        Project p = projects.findForUpdate(projectId).orElseThrow(() -> notFound(projectId));
        requireCentre(p);
        ProjectRules.requireGrant(p, r.amountFen(), r.awardedOn(), Calendar.today(clock));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Project.Grant g = new Project.Grant(
                UUID.randomUUID(),
                r.programme().strip(),
                r.funder() == null ? null : r.funder().strip(),
                r.amountFen(),
                r.awardedOn());
        projects.insertGrant(p.id(), g, now);
        outbox.publish(Aggregate.ORGANIZATION, p.organizationId().toString(), ProjectEvents.grantAwarded(p, g, now));
        return get(p.id());
    }

    @Transactional
    public Project close(UUID projectId, ProjectController.CloseProject r) {
        Project p = projects.findForUpdate(projectId).orElseThrow(() -> notFound(projectId));
        requireCentre(p);
        LocalDate today = Calendar.today(clock);
        ProjectRules.requireClosing(p, r.outcome(), r.closedOn(), today);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Project closed = new Project(
                p.id(),
                p.organizationId(),
                p.title(),
                p.goal(),
                p.category(),
                p.beneficiaryGroup(),
                p.targetPeople(),
                p.startsOn(),
                p.endsOn(),
                p.budgetFen(),
                p.servedCommunityIds(),
                p.geohash(),
                Project.Status.CLOSED,
                r.outcome(),
                r.closedOn(),
                r.peopleReached(),
                p.grants(),
                p.createdAt(),
                now);
        projects.close(closed);
        outbox.publish(Aggregate.ORGANIZATION, p.organizationId().toString(), ProjectEvents.closed(p, r, now));
        return closed;
    }

    /** Grants and closing are the organization's centre's decisions ({@link CentreDecisions}). */
    private void requireCentre(Project p) {
        CentreDecisions.require(organizations.find(p.organizationId()).orElseThrow());
    }

    public Project get(UUID id) {
        return projects.find(id).orElseThrow(() -> notFound(id));
    }

    public List<Project> byOrganization(UUID organizationId) {
        if (organizations.find(organizationId).isEmpty()) {
            throw OrganizationService.notFound(organizationId);
        }
        return projects.byOrganization(organizationId);
    }

    private static InvalidInputException notFound(UUID id) {
        return new InvalidInputException("projectId", Messages.text("project.not-found", id), 404);
    }
}
