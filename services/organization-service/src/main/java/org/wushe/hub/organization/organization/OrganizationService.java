package org.wushe.hub.organization.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.IncubationStage;
import org.wushe.hub.events.organization.LegalStatus;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.place.Geohashes;
import org.wushe.hub.platform.web.InvalidInputException;

@Service
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final OutboxWriter outbox;
    private final Clock clock;

    public OrganizationService(OrganizationRepository organizations, OutboxWriter outbox, Clock clock) {
        this.organizations = organizations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Organization register(OrganizationController.RegisterOrganization r) {
        String code = r.unifiedSocialCreditCode();
        if (r.legalStatus() == LegalStatus.REGISTERED && code == null) {
            throw new InvalidInputException(
                    "unifiedSocialCreditCode", Messages.text("organization.credit-code-required"));
        }
        if (code != null && !CreditCodes.isValid(code)) {
            throw new InvalidInputException("unifiedSocialCreditCode", Messages.text("organization.credit-code-check"));
        }
        if (r.streetCode() != null && !r.streetCode().startsWith(r.districtCode())) {
            throw new InvalidInputException(
                    "streetCode", Messages.text("organization.street-outside-district", r.districtCode()));
        }
        if (!Geohashes.isValid(r.geohash())) {
            throw new InvalidInputException("geohash", Messages.text("place.not-a-geohash"));
        }
        IncubationStage stage = r.stage() == null ? IncubationStage.SPROUTING : r.stage();
        boolean hub = Boolean.TRUE.equals(r.hub());
        UUID incubator = null;
        if (r.hubOrganizationId() != null) {
            Organization h = organizations
                    .findForShare(r.hubOrganizationId())
                    .orElseThrow(() -> new InvalidInputException(
                            "hubOrganizationId", Messages.text("organization.not-found", r.hubOrganizationId())));
            if (!h.hub()) {
                throw new InvalidInputException("hubOrganizationId", Messages.text("organization.no-hub", h.id()));
            }
            incubator = h.id();
        }
        if (hub && stage != IncubationStage.MATURE) {
            // The same rule as incubation's: only a mature organization (成熟型) leads others.
            throw new InvalidInputException("hub", Messages.text("organization.hub-must-be-mature", stage));
        }
        String name = r.name().strip();
        if (organizations.nameTaken(r.districtCode(), name)) {
            throw new InvalidInputException("name", Messages.text("organization.name-taken", r.districtCode()), 409);
        }
        if (code != null && organizations.creditCodeTaken(code)) {
            throw new InvalidInputException(
                    "unifiedSocialCreditCode", Messages.text("organization.credit-code-taken"), 409);
        }
        List<Category> categories =
                r.serviceCategories() == null ? List.of() : List.copyOf(new LinkedHashSet<>(r.serviceCategories()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Organization o = new Organization(
                UUID.randomUUID(),
                name,
                r.kind(),
                r.legalStatus(),
                code,
                stage,
                hub,
                incubator,
                r.communityId(),
                r.districtCode(),
                r.streetCode(),
                Geohashes.coarse(r.geohash()),
                categories,
                r.monthlyServiceCapacity(),
                now,
                now,
                r.centreId());
        organizations.insert(o);
        outbox.publish(Aggregate.ORGANIZATION, o.id().toString(), OrganizationEvents.registered(o, now));
        return o;
    }

    public Organization get(UUID id) {
        return organizations.find(id).orElseThrow(() -> notFound(id));
    }

    // For the other features (capacity, incubation, projects), which do not read this one's tables.

    public Optional<Organization> find(UUID id) {
        return organizations.find(id);
    }

    /** The organization, its row locked against change until the transaction ends (FOR SHARE). */
    public Optional<Organization> findForShare(UUID id) {
        return organizations.findForShare(id);
    }

    /** The organization, its row locked for an update in this transaction (FOR UPDATE). */
    public Optional<Organization> findForUpdate(UUID id) {
        return organizations.findForUpdate(id);
    }

    /** How many organizations the hub organization {@code id} incubates. */
    public int countIncubatedBy(UUID id) {
        return organizations.countIncubatedBy(id);
    }

    /** Stores a stage or hub change that incubation decided (the row locked by {@link #findForUpdate}). */
    public void updateIncubation(Organization changed) {
        organizations.updateIncubation(changed);
    }

    public static InvalidInputException notFound(UUID id) {
        return new InvalidInputException("organizationId", Messages.text("organization.not-found", id), 404);
    }
}
