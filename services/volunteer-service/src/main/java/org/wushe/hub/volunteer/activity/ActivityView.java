package org.wushe.hub.volunteer.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wushe.hub.events.common.ActivityKind;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.volunteer.ActivityCancelReason;

/** An activity as the API shows it, with each position's places taken and sign-ups waiting (no volunteer named). */
public record ActivityView(
        UUID id,
        ActivityRequest.Publisher publisher,
        ActivityKind kind,
        String grantsQualification,
        String title,
        String description,
        UUID communityId,
        Instant startsAt,
        Instant endsAt,
        UUID venueOfferId,
        ActivityVenues.VenueView venue,
        List<ActivityRequest.CoHost> coHosts,
        Map<BeneficiaryGroup, Integer> residentsServed,
        boolean approvalRequired,
        Activity.Status status,
        int revision,
        ActivityCancelReason cancelReason,
        Instant publishedAt,
        Instant updatedAt,
        List<PositionView> positions) {

    public record PositionView(
            UUID id,
            String duty,
            int places,
            int waitingListLimit,
            List<Skill> skills,
            String qualification,
            Instant startsAt,
            Instant endsAt,
            int placesTaken,
            int waiting) {}

    static ActivityView of(
            Activity a,
            List<Position> positions,
            Map<UUID, ActivityRepository.Counts> counts,
            ActivityVenues.VenueView venue) {
        List<ActivityRequest.CoHost> coHosts = new java.util.ArrayList<>();
        a.coHostOrganizationIds()
                .forEach(id -> coHosts.add(new ActivityRequest.CoHost(ActivityRequest.CoHostKind.ORGANIZATION, id)));
        a.coHostDonorIds().forEach(id -> coHosts.add(new ActivityRequest.CoHost(ActivityRequest.CoHostKind.DONOR, id)));
        return new ActivityView(
                a.id(),
                new ActivityRequest.Publisher(a.publisherKind(), a.publisherId()),
                a.kind(),
                a.grantsQualification(),
                a.title(),
                a.description(),
                a.communityId(),
                a.startsAt(),
                a.endsAt(),
                a.venueOfferId(),
                venue,
                coHosts,
                a.residentsServed(),
                a.approvalRequired(),
                a.status(),
                a.revision(),
                a.cancelReason(),
                a.publishedAt(),
                a.updatedAt(),
                positions.stream()
                        .map(p -> {
                            ActivityRepository.Counts c =
                                    counts.getOrDefault(p.id(), new ActivityRepository.Counts(0, 0));
                            return new PositionView(
                                    p.id(),
                                    p.duty(),
                                    p.places(),
                                    p.waitingListLimit(),
                                    p.skills(),
                                    p.qualification(),
                                    p.startsAt(),
                                    p.endsAt(),
                                    c.held(),
                                    c.waiting());
                        })
                        .toList());
    }
}
