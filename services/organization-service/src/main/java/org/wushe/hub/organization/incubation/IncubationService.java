package org.wushe.hub.organization.incubation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.IncubationStage;
import org.wushe.hub.organization.organization.Organization;
import org.wushe.hub.organization.organization.OrganizationService;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.web.InvalidInputException;

/** Each change locks the organization, checks the rules, and publishes its whole incubation state. */
@Service
public class IncubationService {

    private static final int MAX_CHAIN = 16;

    private final OrganizationService organizations;
    private final IncubationRepository changes;
    private final OutboxWriter outbox;
    private final Clock clock;

    public IncubationService(
            OrganizationService organizations, IncubationRepository changes, OutboxWriter outbox, Clock clock) {
        this.organizations = organizations;
        this.changes = changes;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Organization moveTo(UUID id, IncubationStage stage, LocalDate changedOn) {
        Organization o = locked(id);
        IncubationRules.requireNextStage(o.stage(), stage);
        return record(o, stage, o.hub(), o.hubOrganizationId(), changedOn);
    }

    @Transactional
    public Organization lead(UUID id, boolean hub, LocalDate changedOn) {
        Organization o = locked(id);
        if (o.hub() == hub) {
            throw new InvalidInputException(
                    "hub", hub ? Messages.text("incubation.hub-already") : Messages.text("incubation.hub-not"), 409);
        }
        if (hub) {
            IncubationRules.requireHubMayBe(o.stage(), true, 409);
        } else {
            IncubationRules.requireMayStopLeading(organizations.countIncubatedBy(id));
        }
        return record(o, o.stage(), hub, o.hubOrganizationId(), changedOn);
    }

    /** Puts the organization under a hub's incubation, or ends it ({@code hubId} null). */
    @Transactional
    public Organization incubateUnder(UUID id, UUID hubId, LocalDate changedOn) {
        Organization o = locked(id);
        if (java.util.Objects.equals(o.hubOrganizationId(), hubId)) {
            throw new InvalidInputException(
                    "hubOrganizationId",
                    hubId == null
                            ? Messages.text("incubation.not-incubated")
                            : Messages.text("incubation.incubated-already", hubId),
                    409);
        }
        if (hubId != null) {
            if (hubId.equals(id)) {
                throw new InvalidInputException("hubOrganizationId", Messages.text("incubation.not-itself"));
            }
            // Share-locked: the hub cannot give up its role while it takes this organization in.
            Organization hub = organizations
                    .findForShare(hubId)
                    .orElseThrow(() -> new InvalidInputException(
                            "hubOrganizationId", Messages.text("organization.not-found", hubId)));
            IncubationRules.requireHub(hub);
            // A hub may itself be incubated by a bigger hub, but not by one it incubates.
            UUID above = hub.hubOrganizationId();
            for (int i = 0; above != null && i < MAX_CHAIN; i++) {
                if (above.equals(id)) {
                    throw new InvalidInputException("hubOrganizationId", Messages.text("incubation.cycle", hubId));
                }
                above = organizations
                        .find(above)
                        .map(Organization::hubOrganizationId)
                        .orElse(null);
            }
        }
        return record(o, o.stage(), o.hub(), hubId, changedOn);
    }

    public List<IncubationChange> history(UUID id) {
        if (organizations.find(id).isEmpty()) {
            throw OrganizationService.notFound(id);
        }
        return changes.history(id);
    }

    /** The organization, locked, if the caller decides for its centre ({@link CentreDecisions}). */
    private Organization locked(UUID id) {
        Organization o = organizations.findForUpdate(id).orElseThrow(() -> OrganizationService.notFound(id));
        CentreDecisions.require(o);
        return o;
    }

    private Organization record(
            Organization o, IncubationStage stage, boolean hub, UUID hubOrganizationId, LocalDate changedOn) {
        LocalDate today = Calendar.today(clock);
        LocalDate on = changedOn == null ? today : changedOn;
        if (on.isAfter(today)) {
            throw new InvalidInputException("changedOn", Messages.text("date.in-future", today));
        }
        LocalDate notBefore = changes.lastChangedOn(o.id())
                .orElse(o.createdAt().atZone(Calendar.ZONE).toLocalDate());
        if (on.isBefore(notBefore)) {
            throw new InvalidInputException("changedOn", Messages.text("incubation.change-before", notBefore));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Organization changed = new Organization(
                o.id(),
                o.name(),
                o.kind(),
                o.legalStatus(),
                o.unifiedSocialCreditCode(),
                stage,
                hub,
                hubOrganizationId,
                o.communityId(),
                o.districtCode(),
                o.streetCode(),
                o.geohash(),
                o.serviceCategories(),
                o.monthlyServiceCapacity(),
                o.createdAt(),
                now,
                o.centreId());
        organizations.updateIncubation(changed);
        changes.insert(new IncubationChange(o.id(), stage, o.stage(), hub, hubOrganizationId, on, now));
        outbox.publish(
                Aggregate.ORGANIZATION,
                o.id().toString(),
                IncubationEvents.stageChanged(o, stage, hub, hubOrganizationId, on, now));
        return changed;
    }
}
