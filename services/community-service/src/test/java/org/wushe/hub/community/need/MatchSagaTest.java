package org.wushe.hub.community.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.hub.community.need.NeedStatus.ACCEPTED;
import static org.wushe.hub.community.need.NeedStatus.FULFILLED;
import static org.wushe.hub.community.need.NeedStatus.MATCHED;
import static org.wushe.hub.community.need.NeedStatus.PUBLISHED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.need.MatchSaga.Ignore;
import org.wushe.hub.community.need.MatchSaga.Kind;
import org.wushe.hub.community.need.MatchSaga.Move;
import org.wushe.hub.community.need.MatchSaga.Outcome;

/** The match saga's table, cell by cell, and what it makes of the events of several matches read in any order. */
class MatchSagaTest {

    private static final UUID NEED = UUID.randomUUID();
    private static final UUID CURRENT = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    /**
     * The README's table. Rows: event, then for the event's match being the need's current one or
     * another: the outcome per status PUBLISHED, MATCHED, ACCEPTED, IN_SERVICE, FULFILLED, CANCELLED,
     * EXPIRED ("-" no change; "X m" becomes X with the event's match; PUBLISHED clears the match).
     */
    private static final String[][] TABLE = {
        // event       match     PUBLISHED      MATCHED        ACCEPTED       IN_SERVICE     FULFILLED CANCELLED EXPIRED
        {"PROPOSED", "current", null, "-", "-", "-", "-", "-", "-"},
        {"PROPOSED", "other", "MATCHED m", "MATCHED m", "-", "-", "-", "-", "-"},
        {"ESCALATED", "current", null, "-", "-", "-", "-", "-", "-"},
        {"ESCALATED", "other", "-", "-", "-", "-", "-", "-", "-"},
        {"ACCEPTED", "current", null, "ACCEPTED m", "-", "-", "-", "-", "-"},
        {"ACCEPTED", "other", "ACCEPTED m", "ACCEPTED m", "-", "-", "-", "-", "-"},
        {"DECLINED", "current", null, "PUBLISHED", "PUBLISHED", "-", "-", "-", "-"},
        {"DECLINED", "other", "-", "-", "-", "-", "-", "-", "-"},
        {"COMPLETED", "current", null, "FULFILLED m", "FULFILLED m", "FULFILLED m", "-", "-", "-"},
        {"COMPLETED", "other", "FULFILLED m", "FULFILLED m", "FULFILLED m", "FULFILLED m", "-", "-", "-"},
    };

    @Test
    void everyCellOfTheTable() {
        int cells = 0;
        for (String[] row : TABLE) {
            Kind kind = Kind.valueOf(row[0]);
            boolean current = row[1].equals("current");
            for (NeedStatus status : NeedStatus.values()) {
                String expected = row[2 + status.ordinal()];
                if (expected == null) {
                    continue; // a PUBLISHED need has no current match
                }
                UUID m = current ? CURRENT : OTHER;
                UUID needsMatch = status == PUBLISHED ? null : CURRENT;
                Outcome o = MatchSaga.decide(status, needsMatch, T0.minusSeconds(60), event(kind, m, T0));
                String actual = o instanceof Move move
                        ? move.status()
                                + (move.matchId() == null ? "" : move.matchId().equals(m) ? " m" : " " + move.matchId())
                        : "-";
                assertThat(actual)
                        .as("%s of the %s match for a %s need", kind, row[1], status)
                        .isEqualTo(expected);
                if (o instanceof Ignore ignore) {
                    assertThat(ignore.why()).isNotBlank();
                }
                cells++;
            }
        }
        assertThat(cells).isEqualTo(TABLE.length * NeedStatus.values().length - 5);
    }

    @Test
    void aProposalMadeBeforeTheNewestOneTheNeedFollowedIsStaleButOneMadeAtTheSameTimeIsNot() {
        Instant newest = T0.plusSeconds(30);
        assertThat(MatchSaga.decide(MATCHED, CURRENT, newest, event(Kind.PROPOSED, OTHER, T0)))
                .isInstanceOf(Ignore.class);
        assertThat(MatchSaga.decide(PUBLISHED, null, newest, event(Kind.PROPOSED, OTHER, T0)))
                .isInstanceOf(Ignore.class);
        assertThat(MatchSaga.decide(MATCHED, CURRENT, newest, event(Kind.PROPOSED, OTHER, newest)))
                .isEqualTo(new Move(MATCHED, OTHER));
        assertThat(MatchSaga.decide(PUBLISHED, null, null, event(Kind.PROPOSED, OTHER, T0)))
                .isEqualTo(new Move(MATCHED, OTHER));
        // Only proposals are dated against each other: an acceptance of an earlier proposal still counts.
        assertThat(MatchSaga.decide(MATCHED, CURRENT, newest, event(Kind.ACCEPTED, OTHER, T0)))
                .isEqualTo(new Move(ACCEPTED, OTHER));
    }

    /**
     * One open proposal at a time, as the matching service works: m1 proposed and declined, then m2
     * proposed, accepted, completed. Each match's events keep their order (one key, one partition); the
     * two matches' events are read in every possible interleaving. The need always ends where the
     * in-order reading leaves it, and never says ACCEPTED or FULFILLED for the declined match.
     */
    @Test
    void everyInterleavingOfTwoMatchesEndsWhereTheOrderedReadingEnds() {
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        List<MatchSaga.Event> first =
                List.of(event(Kind.PROPOSED, m1, T0), event(Kind.DECLINED, m1, T0.plusSeconds(60)));
        for (int served = 1; served <= 3; served++) {
            List<MatchSaga.Event> second = List.of(
                            event(Kind.PROPOSED, m2, T0.plusSeconds(61)),
                            event(Kind.ACCEPTED, m2, T0.plusSeconds(120)),
                            event(Kind.COMPLETED, m2, T0.plusSeconds(900)))
                    .subList(0, served);
            Move expected = replay(concat(first, second)).end();
            assertThat(expected.matchId()).isEqualTo(m2);
            List<List<MatchSaga.Event>> orders = interleavings(first, second);
            assertThat(orders).hasSize(served == 1 ? 3 : served == 2 ? 6 : 10);
            for (List<MatchSaga.Event> order : orders) {
                Replay r = replay(order);
                assertThat(r.end()).as("read as %s", names(order, m1)).isEqualTo(expected);
                assertThat(r.moves())
                        .as("read as %s", names(order, m1))
                        .noneMatch(
                                mv -> m1.equals(mv.matchId()) && (mv.status() == ACCEPTED || mv.status() == FULFILLED));
            }
        }
        assertThat(replay(concat(first, List.of(event(Kind.PROPOSED, m2, T0.plusSeconds(61)))))
                        .end())
                .isEqualTo(new Move(MATCHED, m2));
    }

    @Test
    void aClosedNeedIgnoresEverything() {
        for (NeedStatus closed : List.of(FULFILLED, NeedStatus.CANCELLED, NeedStatus.EXPIRED)) {
            for (Kind kind : Kind.values()) {
                assertThat(MatchSaga.decide(closed, CURRENT, null, event(kind, CURRENT, T0)))
                        .isInstanceOf(Ignore.class);
                assertThat(MatchSaga.decide(closed, CURRENT, null, event(kind, OTHER, T0)))
                        .isInstanceOf(Ignore.class);
            }
        }
    }

    // ---- a need applying the table as NeedService does ------------------------------------------------

    private record Replay(Move end, List<Move> moves) {}

    private static Replay replay(List<MatchSaga.Event> events) {
        NeedStatus status = PUBLISHED;
        UUID match = null;
        Instant lastProposal = null;
        List<Move> moves = new ArrayList<>();
        for (MatchSaga.Event e : events) {
            if (MatchSaga.decide(status, match, lastProposal, e) instanceof Move move) {
                status = move.status();
                match = move.matchId();
                if (e.kind() == Kind.PROPOSED) {
                    lastProposal = lastProposal == null || e.occurredAt().isAfter(lastProposal)
                            ? e.occurredAt()
                            : lastProposal;
                }
                moves.add(move);
            }
        }
        return new Replay(new Move(status, match), moves);
    }

    private static List<List<MatchSaga.Event>> interleavings(List<MatchSaga.Event> a, List<MatchSaga.Event> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return List.of(concat(a, b));
        }
        List<List<MatchSaga.Event>> all = new ArrayList<>();
        for (List<MatchSaga.Event> rest : interleavings(a.subList(1, a.size()), b)) {
            all.add(concat(List.of(a.get(0)), rest));
        }
        for (List<MatchSaga.Event> rest : interleavings(a, b.subList(1, b.size()))) {
            all.add(concat(List.of(b.get(0)), rest));
        }
        return all;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> names(List<MatchSaga.Event> events, UUID m1) {
        return events.stream()
                .map(e -> e.kind() + (e.matchId().equals(m1) ? "(m1)" : "(m2)"))
                .toList();
    }

    private static MatchSaga.Event event(Kind kind, UUID match, Instant at) {
        return new MatchSaga.Event(kind, UUID.randomUUID(), match, NEED, at);
    }
}
