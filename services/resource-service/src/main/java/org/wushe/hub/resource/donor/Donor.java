package org.wushe.hub.resource.donor;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.resource.common.CoarsePlace;

/**
 * A charitable resource provider (社会慈善资源): an enterprise, foundation, caring shop (爱心商家),
 * hospital, bank, law firm, repair platform, property manager, community fund (社区基金) or a
 * government-purchased service. Always an institution, never a private person.
 */
public record Donor(
        UUID id,
        String name,
        DonorKind kind,
        String unifiedSocialCreditCode,
        UUID communityId,
        String description,
        String website,
        CoarsePlace place,
        Instant registeredAt) {}
