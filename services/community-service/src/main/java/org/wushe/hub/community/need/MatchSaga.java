package org.wushe.hub.community.need;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * How a need follows the match saga of the matching service ({@code wushe.matching.match}): the one
 * table of what each match event does to a need, by the need's status and by whether the event is about
 * the need's current match. Pure; {@link NeedService#followMatch} applies the outcome (NeedUpdated, or
 * NeedClosed for FULFILLED) in the transaction that marks the event processed.
 *
 * <p>Kafka keeps one match's events in order (they are keyed by match id), but not the events of two
 * matches of one need, which may sit on different partitions. So an event never moves a need backwards:
 * <ul>
 *   <li>a closed need (FULFILLED, CANCELLED, EXPIRED) ignores every match event;</li>
 *   <li>a decline counts only for the need's current match (a late decline of an earlier match is ignored);</li>
 *   <li>a proposal of another match replaces the current one only if it was made at or after the newest
 *   proposal the need already followed ({@code lastProposalAt}): a late proposal is ignored;</li>
 *   <li>nothing goes back from ACCEPTED except a decline of the accepted match; IN_SERVICE (set by staff)
 *   only ends with a completion.</li>
 * </ul>
 *
 * <pre>
 * event \ need          PUBLISHED        MATCHED              ACCEPTED             IN_SERVICE       closed
 * MatchProposed  m      MATCHED m (1)    same m: -            -                    -                -
 *                                        other: MATCHED m (1)
 * MatchEscalated m      -                -                    -                    -                -
 * MatchAccepted  m      ACCEPTED m       ACCEPTED m           -                    -                -
 * MatchDeclined  m      -                same m: PUBLISHED    same m: PUBLISHED    -                -
 *                                        other: -             other: -
 * MatchCompleted m      FULFILLED m      FULFILLED m          FULFILLED m          FULFILLED m      -
 *
 * -   no change, no event (logged)
 * (1) unless the proposal was made before the newest proposal the need followed; MATCHED is taken without an event of
 *     the need (and without a new revision): MatchProposed is the event, so a proposal sends no echo (issue #16)
 * </pre>
 */
public final class MatchSaga {

    private MatchSaga() {}

    public enum Kind {
        PROPOSED,
        ESCALATED,
        ACCEPTED,
        DECLINED,
        COMPLETED
    }

    /** One match event, as far as the need's life goes. {@code occurredAt} is the matching service's clock. */
    public record Event(Kind kind, UUID eventId, UUID matchId, UUID needId, Instant occurredAt) {
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(matchId, "matchId");
            Objects.requireNonNull(needId, "needId");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    /** What an event does to a need: move it (and announce it), or nothing, and why. */
    public sealed interface Outcome permits Move, Ignore {}

    /** The need becomes {@code status} with {@code matchId} (null: no match). */
    public record Move(NeedStatus status, UUID matchId) implements Outcome {}

    public record Ignore(String why) implements Outcome {}

    /**
     * The outcome of {@code event} for a need that is {@code status} with {@code currentMatch} (may be
     * null), having followed proposals up to {@code lastProposalAt} (null: none yet).
     */
    public static Outcome decide(NeedStatus status, UUID currentMatch, Instant lastProposalAt, Event event) {
        if (status.isClosed()) {
            return new Ignore("the need is already " + status);
        }
        boolean current = event.matchId().equals(currentMatch);
        UUID m = event.matchId();
        return switch (event.kind()) {
            case ESCALATED -> new Ignore("escalation leaves the need " + status);
            case PROPOSED ->
                switch (status) {
                    case PUBLISHED, MATCHED ->
                        current
                                ? new Ignore("the need already follows this match")
                                : lastProposalAt != null && event.occurredAt().isBefore(lastProposalAt)
                                        ? new Ignore("proposed at " + event.occurredAt()
                                                + ", before the newest proposal the need followed (" + lastProposalAt
                                                + ")")
                                        : new Move(NeedStatus.MATCHED, m);
                    default -> new Ignore("the need is already " + status);
                };
            case ACCEPTED ->
                switch (status) {
                    case PUBLISHED, MATCHED -> new Move(NeedStatus.ACCEPTED, m);
                    case ACCEPTED ->
                        new Ignore(
                                current
                                        ? "the need is already ACCEPTED for this match"
                                        : "another match (" + currentMatch + ") was accepted first");
                    default -> new Ignore("the need is already " + status);
                };
            case DECLINED ->
                switch (status) {
                    case MATCHED, ACCEPTED ->
                        current
                                ? new Move(NeedStatus.PUBLISHED, null)
                                : new Ignore("not the need's current match (" + currentMatch + ")");
                    case PUBLISHED -> new Ignore("the need has no open match");
                    default -> new Ignore("the need is already " + status + "; staff decide what happens next");
                };
            case COMPLETED -> new Move(NeedStatus.FULFILLED, m);
        };
    }
}
