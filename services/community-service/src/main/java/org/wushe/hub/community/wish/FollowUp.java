package org.wushe.hub.community.wish;

import java.time.Instant;
import java.util.UUID;

/**
 * The station's follow-up visit (回访) of a low rating: open until the station's staff or a social worker assigned to the
 * station record how it went (the outcome screened for phone and ID numbers), by whom (the token's subject) and in which role
 * ({@code station_staff} or {@code social_worker}). Shown to them with the rating's stars and comment.
 */
public record FollowUp(
        UUID id,
        UUID needId,
        UUID communityId,
        UUID stationId,
        Status status,
        Instant openedAt,
        Integer stars,
        String comment,
        String outcome,
        String recordedBy,
        String recordedRole,
        Instant recordedAt) {

    public enum Status {
        OPEN,
        RECORDED
    }

    FollowUp recorded(String text, String by, String role, Instant at) {
        return new FollowUp(
                id, needId, communityId, stationId, Status.RECORDED, openedAt, stars, comment, text, by, role, at);
    }
}
