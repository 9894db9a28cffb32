package org.wushe.hub.organization.organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.IncubationStage;
import org.wushe.hub.events.organization.LegalStatus;
import org.wushe.hub.events.organization.OrganizationKind;

/**
 * A social organization (社会组织): public facts about an institution, none about a person. Its
 * incubation state (stage, hub, incubating hub) changes through the incubation feature. {@code centreId} is the
 * street/town (or district) social work service centre whose managers decide its incubation and its projects'
 * grants; without one only the hub admin does.
 */
public record Organization(
        UUID id,
        String name,
        OrganizationKind kind,
        LegalStatus legalStatus,
        String unifiedSocialCreditCode,
        IncubationStage stage,
        boolean hub,
        UUID hubOrganizationId,
        UUID communityId,
        String districtCode,
        String streetCode,
        String geohash,
        List<Category> serviceCategories,
        Integer monthlyServiceCapacity,
        Instant createdAt,
        Instant updatedAt,
        UUID centreId) {}
