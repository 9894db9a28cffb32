package org.wushe.hub.community.wish;

import java.time.Instant;
import java.util.UUID;

/** A resident's rating of a fulfilled need of theirs (服务评价): once per need, 1 to 5 stars and a comment screened for personal data. */
public record Rating(
        UUID needId, UUID residentId, UUID communityId, UUID stationId, int stars, String comment, Instant ratedAt) {

    /** A rating of this many stars or fewer asks the station for a follow-up visit (回访). */
    public static final int FOLLOW_UP_AT_MOST = 2;

    boolean asksForFollowUp() {
        return stars <= FOLLOW_UP_AT_MOST;
    }

    /** What the resident sees of their own rating: the stars, the comment and whether the station's follow-up is open or done. */
    public record Mine(UUID needId, int stars, String comment, Instant ratedAt, FollowUp.Status followUp) {}
}
