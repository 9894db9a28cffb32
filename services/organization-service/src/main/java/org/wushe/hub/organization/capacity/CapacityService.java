package org.wushe.hub.organization.capacity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.organization.WithdrawalReason;
import org.wushe.hub.organization.organization.Organization;
import org.wushe.hub.organization.organization.OrganizationService;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.place.Geohashes;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;

@Service
public class CapacityService {

    private final CapacityRepository capacities;
    private final OrganizationService organizations;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CapacityService(
            CapacityRepository capacities, OrganizationService organizations, OutboxWriter outbox, Clock clock) {
        this.capacities = capacities;
        this.organizations = organizations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public ServiceCapacity offer(UUID organizationId, CapacityController.OfferCapacity r) {
        Organization o = requireOrganization(organizationId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ServiceCapacity c = build(UUID.randomUUID(), o, 1, r, now, now);
        capacities.insert(c);
        publishOffered(c, o, now);
        return c;
    }

    @Transactional
    public ServiceCapacity change(UUID id, CapacityController.OfferCapacity r) {
        ServiceCapacity current = capacities.findForUpdate(id).orElseThrow(() -> notFound(id));
        requireStaffOf(current);
        if (current.status() != ServiceCapacity.Status.OFFERED) {
            throw new InvalidInputException("capacityId", Messages.text("capacity.withdrawn"), 409);
        }
        Organization o = requireOrganization(current.organizationId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ServiceCapacity c = build(id, o, current.revision() + 1, r, current.createdAt(), now);
        capacities.update(c);
        publishOffered(c, o, now);
        return c;
    }

    @Transactional
    public ServiceCapacity withdraw(UUID id, WithdrawalReason reason) {
        ServiceCapacity c = capacities.findForUpdate(id).orElseThrow(() -> notFound(id));
        requireStaffOf(c);
        if (c.status() != ServiceCapacity.Status.OFFERED) {
            throw new InvalidInputException("capacityId", Messages.text("capacity.withdrawn-already"), 409);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ServiceCapacity withdrawn = new ServiceCapacity(
                c.id(),
                c.organizationId(),
                c.revision() + 1,
                ServiceCapacity.Status.WITHDRAWN,
                c.title(),
                c.category(),
                c.skills(),
                c.languages(),
                c.beneficiaryGroups(),
                c.capacityPerSlot(),
                c.sessionMinutes(),
                c.weeklySlots(),
                c.validFrom(),
                c.validUntil(),
                c.geohash(),
                c.servedCommunityIds(),
                reason,
                c.createdAt(),
                now);
        capacities.update(withdrawn);
        outbox.publish(
                Aggregate.ORGANIZATION,
                c.organizationId().toString(),
                CapacityEvents.withdrawn(c, withdrawn, reason, now));
        return withdrawn;
    }

    /** Only the staff of the organization that offers it (or the hub admin) change or withdraw an offer: 403 otherwise. */
    private static void requireStaffOf(ServiceCapacity c) {
        Access.requireTenant("organizationId", c.organizationId(), Roles.ORGANIZATION_STAFF);
    }

    public ServiceCapacity get(UUID id) {
        return capacities.find(id).orElseThrow(() -> notFound(id));
    }

    public List<ServiceCapacity> list(CapacityRepository.Filter filter, int offset, int limit) {
        return capacities.list(filter, offset, limit);
    }

    public Organization requireOrganization(UUID organizationId) {
        return organizations.find(organizationId).orElseThrow(() -> OrganizationService.notFound(organizationId));
    }

    private ServiceCapacity build(
            UUID id, Organization o, int revision, CapacityController.OfferCapacity r, Instant createdAt, Instant now) {
        List<ServiceCapacity.Slot> slots = r.weeklySlots().stream()
                .map(s -> new ServiceCapacity.Slot(s.day(), s.start(), s.end()))
                .toList();
        CapacityRules.requireSlots(slots);
        CapacityRules.requireSessionFits(r.sessionMinutes(), slots);
        CapacityRules.requirePeriod(r.validFrom(), r.validUntil(), Calendar.today(clock));
        if (!Geohashes.isValid(r.geohash())) {
            throw new InvalidInputException("geohash", Messages.text("place.not-a-geohash"));
        }
        return new ServiceCapacity(
                id,
                o.id(),
                revision,
                ServiceCapacity.Status.OFFERED,
                r.title().strip(),
                r.category(),
                distinct(r.skills()),
                distinct(r.languages()),
                distinct(r.beneficiaryGroups()),
                r.capacityPerSlot(),
                r.sessionMinutes(),
                slots,
                r.validFrom(),
                r.validUntil(),
                Geohashes.coarse(r.geohash() != null ? r.geohash() : o.geohash()),
                distinct(r.servedCommunityIds()),
                null,
                createdAt,
                now);
    }

    private void publishOffered(ServiceCapacity c, Organization o, Instant now) {
        UUID community = c.servedCommunityIds().size() == 1
                ? c.servedCommunityIds().get(0)
                : c.servedCommunityIds().isEmpty() ? o.communityId() : null;
        outbox.publish(Aggregate.ORGANIZATION, o.id().toString(), CapacityEvents.offered(c, o, community, now));
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static InvalidInputException notFound(UUID id) {
        return new InvalidInputException("capacityId", Messages.text("capacity.not-found", id), 404);
    }
}
