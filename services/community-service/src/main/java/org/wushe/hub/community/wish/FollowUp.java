package org.wushe.hub.community.wish;

import java.time.Instant;
import java.util.UUID;

/**
 * The station's follow-up visit (回访) of a low rating: open until the station's staff record how it went (the outcome
 * screened for phone and ID numbers), by whom and in which role. Shown to the station with the rating's stars and comment.
 */
public record FollowUp(UUID id, UUID needId, UUID communityId, UUID stationId, Status status, Instant openedAt, Integer stars, String comment,
                       String outcome, String recordedBy, String recordedRole, Instant recordedAt) {

    public enum Status {
        OPEN, RECORDED
    }

    FollowUp recorded(String text, String by, String role, Instant at) {
        return new FollowUp(id, needId, communityId, stationId, Status.RECORDED, openedAt, stars, comment, text, by, role, at);
    }
}
