package org.wushe.hub.resource.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.ActivityDetails;
import org.wushe.hub.events.common.ActivityKind;
import org.wushe.hub.events.common.ActivityPosition;
import org.wushe.hub.events.common.ActivityPublisherKind;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.ServedGroup;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.volunteer.ActivityCancelReason;
import org.wushe.hub.events.volunteer.ActivityCancelled;
import org.wushe.hub.events.volunteer.ActivityChanged;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.AvroEventCodec;

/**
 * Stands in for the volunteer service's activities: its schema {@code volunteer} with the platform's outbox, captured by
 * the shipped {@code volunteer-outbox} connector and routed to {@code wushe.volunteer.volunteer}, as the volunteer
 * service publishes {@code ActivityPublished}, {@code ActivityChanged} and {@code ActivityCancelled}.
 */
public final class VolunteerService {

    public static final UUID STATION = MatchingService.STATION;

    private final Upstream upstream;

    public VolunteerService(AvroEventCodec codec) {
        this.upstream = Upstream.volunteer(codec);
    }

    /** A free clinic (义诊) at {@code venue} in {@code window}, with {@code places} volunteers and {@code residents} served. */
    public static ActivityDetails clinic(UUID venue, Instant[] window, int places, int residents) {
        TimeWindow w =
                TimeWindow.newBuilder().setStart(window[0]).setEnd(window[1]).build();
        return ActivityDetails.newBuilder()
                .setPublisherKind(ActivityPublisherKind.STATION)
                .setPublisherId(STATION)
                .setKind(ActivityKind.FREE_CLINIC)
                .setCommunityId(Samples.COMMUNITY)
                .setTimeWindow(w)
                .setVenueOfferId(venue)
                .setApprovalRequired(false)
                .setResidentsServed(List.of(ServedGroup.newBuilder()
                        .setGroup(BeneficiaryGroup.ELDERLY_ALONE)
                        .setCount(residents)
                        .build()))
                .setPositions(List.of(ActivityPosition.newBuilder()
                        .setPositionId(UUID.randomUUID())
                        .setPlaces(places)
                        .setTimeWindow(w)
                        .build()))
                .build();
    }

    public ActivityPublished published(UUID activityId, ActivityDetails details) {
        ActivityPublished event = ActivityPublished.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setActivityId(activityId)
                .setRevision(1)
                .setDetails(details)
                .build();
        publish(activityId, event);
        return event;
    }

    public EventEnvelope changed(UUID activityId, int revision, ActivityDetails details) {
        return publish(
                activityId,
                ActivityChanged.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setActivityId(activityId)
                        .setRevision(revision)
                        .setDetails(details)
                        .build());
    }

    public EventEnvelope cancelled(UUID activityId, int revision) {
        return publish(
                activityId,
                ActivityCancelled.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setActivityId(activityId)
                        .setRevision(revision)
                        .setReason(ActivityCancelReason.WEATHER)
                        .setSignUpsCancelled(0)
                        .build());
    }

    /** Writes the event to the outbox as it is: the same event again is a redelivery (same eventId). */
    public EventEnvelope publish(UUID activityId, org.apache.avro.specific.SpecificRecord event) {
        return upstream.publish(Aggregate.VOLUNTEER, activityId, event);
    }
}
