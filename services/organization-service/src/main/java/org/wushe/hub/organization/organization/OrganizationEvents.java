package org.wushe.hub.organization.organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.wushe.hub.events.organization.OrganizationRegistered;
import org.wushe.hub.platform.place.CoarsePlaces;

/** The Avro events of an organization: its registration (public facts, a coarse place). */
final class OrganizationEvents {

    private OrganizationEvents() {}

    /** OrganizationRegistered for an organization just registered. */
    static OrganizationRegistered registered(Organization o, Instant now) {
        return OrganizationRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setOrganizationId(o.id())
                .setName(o.name())
                .setKind(o.kind())
                .setLegalStatus(o.legalStatus())
                .setStage(o.stage())
                .setHub(o.hub())
                .setHubOrganizationId(o.hubOrganizationId())
                .setUnifiedSocialCreditCode(o.unifiedSocialCreditCode())
                .setCommunityId(o.communityId())
                .setPlace(CoarsePlaces.of(o.districtCode(), o.streetCode(), o.communityId(), null, o.geohash()))
                .setServiceCategories(new ArrayList<>(o.serviceCategories()))
                .setMonthlyServiceCapacity(o.monthlyServiceCapacity())
                .build();
    }
}
