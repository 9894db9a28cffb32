package org.wushe.hub.community.wish;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.common.Category;

/**
 * A micro-wish (微心愿) or a request for help, as a resident sent it from their phone: what, in their words (screened for
 * phone and ID numbers), and whether they consent to sharing it with helpers; then the staff's decision: the need it
 * became ({@code needId}, source MICRO_WISH) or why not.
 */
public record Wish(
        UUID id,
        UUID residentId,
        UUID communityId,
        UUID stationId,
        Category category,
        String title,
        String description,
        boolean consentToShare,
        Status status,
        UUID needId,
        String decidedBy,
        Instant decidedAt,
        String declineReason,
        Instant submittedAt) {

    public enum Status {
        /** 待受理: the community's staff have not decided yet. */
        PENDING,
        /** 已受理: a need (source MICRO_WISH) was published from it. */
        ACCEPTED,
        /** 未受理: declined, with a reason the resident reads. */
        DECLINED
    }

    Wish accepted(UUID need, String by, Instant at) {
        return new Wish(
                id,
                residentId,
                communityId,
                stationId,
                category,
                title,
                description,
                consentToShare,
                Status.ACCEPTED,
                need,
                by,
                at,
                null,
                submittedAt);
    }

    Wish declined(String reason, String by, Instant at) {
        return new Wish(
                id,
                residentId,
                communityId,
                stationId,
                category,
                title,
                description,
                consentToShare,
                Status.DECLINED,
                null,
                by,
                at,
                reason,
                submittedAt);
    }

    /** What the resident sees of their own wish (not who of the staff decided). */
    public record Mine(
            UUID id,
            Category category,
            String title,
            String description,
            boolean consentToShare,
            Status status,
            UUID needId,
            String declineReason,
            Instant submittedAt,
            Instant decidedAt) {
        static Mine of(Wish w) {
            return new Mine(
                    w.id(),
                    w.category(),
                    w.title(),
                    w.description(),
                    w.consentToShare(),
                    w.status(),
                    w.needId(),
                    w.declineReason(),
                    w.submittedAt(),
                    w.decidedAt());
        }
    }
}
