package org.wushe.hub.resource.donor;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.resource.DonorRegistered;
import org.wushe.hub.resource.common.CommonEvents;

/** A donor as the contract {@code DonorRegistered} carries it: the institution, its kind and coarse place. */
public final class DonorEvents {

    private DonorEvents() {}

    static DonorRegistered registered(Donor donor, Instant at) {
        return DonorRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setDonorId(donor.id())
                .setName(donor.name())
                .setKind(donor.kind())
                .setUnifiedSocialCreditCode(donor.unifiedSocialCreditCode())
                .setCommunityId(donor.communityId())
                .setPlace(CommonEvents.place(donor.place()))
                .build();
    }
}
