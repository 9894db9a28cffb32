package org.wushe.hub.volunteer.matching;

import java.time.Instant;
import java.util.UUID;

/** A match that station staff accepted for one of our volunteers: what the volunteer is to do, and when. */
public record Assignment(UUID matchId, UUID volunteerId, UUID needId, UUID communityId, UUID stationId, Instant scheduledStart,
                         Instant scheduledEnd, Status status, Instant acceptedAt, Instant completedAt) {

    public enum Status { ACCEPTED, COMPLETED }
}
