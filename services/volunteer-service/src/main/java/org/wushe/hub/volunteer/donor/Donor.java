package org.wushe.hub.volunteer.donor;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.resource.DonorKind;

/** A donor as the resource service announced it; caring shops (爱心商家) among them offer rewards. */
public record Donor(UUID id, String name, DonorKind kind, UUID communityId, String districtCode, Instant registeredAt) {

    public boolean isCaringShop() {
        return kind == DonorKind.CARING_SHOP;
    }
}
