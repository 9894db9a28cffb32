package org.wushe.hub.matching.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.wushe.hub.matching.engine.Window;
import org.wushe.hub.matching.proposal.MatchRecord;
import org.wushe.hub.matching.proposal.MatchStatus;
import org.wushe.hub.matching.readmodel.ReadModel;

/** Builds {@link MatchView}s from stored matches and the need's read model. */
@Component
public class MatchViews {

    private static final Map<MatchStatus, String> STATUS_ZH = Map.of(
            MatchStatus.PROPOSED,
            "待确认",
            MatchStatus.ESCALATED,
            "已上报中心",
            MatchStatus.ACCEPTED,
            "已接受",
            MatchStatus.RESERVED,
            "资源已预留",
            MatchStatus.COMPLETED,
            "已完成",
            MatchStatus.DECLINED,
            "已拒绝",
            MatchStatus.LAPSED,
            "已超时",
            MatchStatus.FAILED,
            "预留失败",
            MatchStatus.WITHDRAWN,
            "已撤回");

    private final ReadModel readModel;

    public MatchViews(ReadModel readModel) {
        this.readModel = readModel;
    }

    public MatchView of(MatchRecord m) {
        return of(m, readModel.need(m.needId()));
    }

    /** The views of several matches, reading their needs in one query. */
    public List<MatchView> of(List<MatchRecord> list) {
        Map<UUID, ReadModel.NeedRow> needs =
                readModel.needs(list.stream().map(MatchRecord::needId).toList());
        return list.stream()
                .map(m -> of(m, Optional.ofNullable(needs.get(m.needId()))))
                .toList();
    }

    private MatchView of(MatchRecord m, Optional<ReadModel.NeedRow> row) {
        MatchView.Need need = row.map(n -> new MatchView.Need(
                        n.title(),
                        n.spec().category().name(),
                        n.spec().urgency().name(),
                        n.spec().beneficiaryGroup().name(),
                        n.spec().beneficiaryCount(),
                        span(n.spec().window()),
                        n.state().name(),
                        n.waitingZh(),
                        n.waitingEn()))
                .orElse(null);
        MatchView.Allocated allocated = m.allocation() == null
                ? null
                : new MatchView.Allocated(
                        m.allocation().quantity(),
                        m.allocation().unit() == null
                                ? null
                                : m.allocation().unit().name(),
                        m.allocation().amountFen(),
                        m.allocation().capacity());
        return new MatchView(
                m.matchId(),
                m.needId(),
                m.stationId(),
                m.communityId(),
                m.status().name(),
                STATUS_ZH.get(m.status()),
                m.mode(),
                m.rank(),
                m.score(),
                new MatchView.Candidate(
                        m.candidate().kind().name(), m.candidate().id(), m.candidateLabel()),
                m.explanation(),
                span(m.window()),
                allocated,
                need,
                m.proposedAt(),
                m.deadline(),
                m.escalatedTo(),
                m.decidedBy(),
                m.decidedAt(),
                m.declineReason(),
                m.note(),
                m.serviceMinutes());
    }

    public static MatchView.Span span(Window w) {
        return w == null
                ? null
                : new MatchView.Span(Instant.ofEpochMilli(w.startMillis()), Instant.ofEpochMilli(w.endMillis()));
    }
}
