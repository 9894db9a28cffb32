package org.wushe.hub.matching.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.matching.MatchingProperties;
import org.wushe.hub.matching.audit.AuditTrail;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.engine.MatchResult;
import org.wushe.hub.matching.engine.ScoreComponent;
import org.wushe.hub.matching.proposal.MatchRecord;
import org.wushe.hub.matching.proposal.Matches;
import org.wushe.hub.matching.readmodel.ReadModel;
import org.wushe.hub.matching.view.MatchView;
import org.wushe.hub.matching.view.MatchViews;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Where a need stands in matching, and the ranked candidates the engine sees for it now. Only staff of
 * the need's station (or of a centre one of its matches was escalated to) may look
 * ({@link MatchingAccess#requireNeed}).
 */
@RestController
@Validated
@RequestMapping("/needs")
@Tag(name = "needs", description = "需求的匹配情况 Matching state of needs")
public class NeedController {

    public record NeedMatching(
            UUID needId, String title, String state, String waitingZh, String waitingEn, List<MatchView> matches) {}

    public record Candidate(
            String kind,
            UUID id,
            double score,
            List<ScoreComponent> explanation,
            MatchView.Span window,
            MatchView.Allocated allocation) {}

    public record Candidates(UUID needId, int examined, String reasonZh, String reasonEn, List<Candidate> candidates) {}

    /** A need's audit trail, oldest first. */
    public record History(UUID needId, String title, List<AuditTrail.Entry> events) {}

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ReadModel readModel;
    private final Matches matches;
    private final MatchViews views;
    private final MatchEngine engine;
    private final AuditTrail audit;
    private final ZoneId zone;

    public NeedController(
            ReadModel readModel,
            Matches matches,
            MatchViews views,
            MatchEngine engine,
            AuditTrail audit,
            MatchingProperties props) {
        this.readModel = readModel;
        this.matches = matches;
        this.views = views;
        this.engine = engine;
        this.audit = audit;
        this.zone = props.zone();
    }

    @GetMapping(value = "/{needId}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "需求的审计记录 A need's history: every event about it, who acted, in order",
            description =
                    "Ordered by when each event happened (then cause before effect within a millisecond, then topic offset). "
                            + "actor is an account id, system:<consumer> or system:<service>; null on events from before actors were recorded. "
                            + "Ask for text/plain for a printable timeline (deploy/local/history).")
    public History history(@PathVariable UUID needId) {
        List<AuditTrail.Entry> events = audit.of(needId);
        var need = readModel.need(needId);
        if (events.isEmpty() && need.isEmpty()) {
            throw notFound(needId);
        }
        MatchingAccess.requireNeed(needId, need, matches);
        return new History(needId, need.map(ReadModel.NeedRow::title).orElse(null), events);
    }

    @GetMapping(value = "/{needId}/history", produces = MediaType.TEXT_PLAIN_VALUE)
    public String historyText(@PathVariable UUID needId) {
        History h = history(needId);
        StringBuilder out = new StringBuilder("需求 Need ").append(needId).append('\n');
        for (AuditTrail.Entry e : h.events()) {
            out.append(TIME.format(e.occurredAt().atZone(zone)))
                    .append("  ")
                    .append(String.format("%-24s", e.actor() == null ? "—" : e.actor()))
                    .append("  ")
                    .append(e.summaryZh())
                    .append(" / ")
                    .append(e.summaryEn())
                    .append('\n');
        }
        if (h.events().isEmpty()) {
            out.append("（暂无记录 no events yet）\n");
        }
        return out.toString();
    }

    @GetMapping("/{needId}")
    @Operation(summary = "需求的匹配历史 A need's state and every match made for it")
    public NeedMatching need(@PathVariable UUID needId) {
        ReadModel.NeedRow n = readModel.need(needId).orElseThrow(() -> notFound(needId));
        List<MatchRecord> made = matches.ofNeed(needId);
        MatchingAccess.requireNeed(Optional.of(n), made);
        return new NeedMatching(
                needId,
                n.title(),
                n.state().name(),
                n.waitingZh(),
                n.waitingEn(),
                made.stream().map(views::of).toList());
    }

    @GetMapping("/{needId}/candidates")
    @Operation(
            summary = "当前候选及评分解释 The engine's ranked candidates, explained",
            description = "What the engine would propose now, without proposing; declined candidates are left out.")
    public Candidates candidates(@PathVariable UUID needId, @RequestParam(defaultValue = "5") @Min(1) @Max(50) int k) {
        ReadModel.NeedRow n = readModel.need(needId).orElseThrow(() -> notFound(needId));
        MatchingAccess.requireNeed(needId, Optional.of(n), matches);
        MatchResult r = engine.match(n.spec(), k, matches.exclusions(needId));
        return new Candidates(
                needId,
                r.examined(),
                r.reasonZh(),
                r.reasonEn(),
                r.proposals().stream()
                        .map(p -> new Candidate(
                                p.candidate().kind().name(),
                                p.candidate().id(),
                                p.score(),
                                p.explanation(),
                                MatchViews.span(p.window()),
                                p.allocation() == null
                                        ? null
                                        : new MatchView.Allocated(
                                                p.allocation().quantity(),
                                                p.allocation().unit() == null
                                                        ? null
                                                        : p.allocation().unit().name(),
                                                p.allocation().amountFen(),
                                                p.allocation().capacity())))
                        .toList());
    }

    private static InvalidInputException notFound(UUID needId) {
        return new InvalidInputException("needId", Messages.text("need.not-found", needId), 404);
    }
}
