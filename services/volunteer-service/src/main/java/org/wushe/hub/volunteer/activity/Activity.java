package org.wushe.hub.volunteer.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wushe.hub.events.common.ActivityKind;
import org.wushe.hub.events.common.ActivityPublisherKind;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.volunteer.ActivityCancelReason;

/**
 * A volunteer activity (活动) as stored: who published it, what and when, where (a venue offer of the resource
 * service, reserved through the saga: see {@link ActivityVenues}), who co-hosts it, how many residents it serves per group (counts only), its status, and
 * for a TRAINING the qualification (资质) its attendance grants (a catalogue code, or none).
 */
public record Activity(
        UUID id,
        ActivityPublisherKind publisherKind,
        UUID publisherId,
        ActivityKind kind,
        String title,
        String description,
        UUID communityId,
        Instant startsAt,
        Instant endsAt,
        UUID venueOfferId,
        List<UUID> coHostOrganizationIds,
        List<UUID> coHostDonorIds,
        boolean approvalRequired,
        Map<BeneficiaryGroup, Integer> residentsServed,
        Status status,
        int revision,
        ActivityCancelReason cancelReason,
        String cancelNote,
        String publishedBy,
        Instant publishedAt,
        Instant updatedAt,
        String grantsQualification) {

    public enum Status {
        PUBLISHED,
        CANCELLED
    }
}
