package org.wushe.hub.matching.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.matching.proposal.MatchRecord;
import org.wushe.hub.matching.proposal.Matches;
import org.wushe.hub.matching.proposal.Matchmaker;
import org.wushe.hub.matching.view.MatchView;
import org.wushe.hub.matching.view.MatchViews;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Staff decide proposals: accept, decline with a reason (the next candidate follows), complete. Only
 * staff of the match's station (or of the centre it was escalated to) may see or decide it
 * ({@link MatchingAccess#requireMatch}); a refusal is checked before anything is written. The person
 * deciding is the token's subject.
 */
@RestController
@RequestMapping("/matches")
@Tag(name = "matches", description = "匹配决定 Decisions on matches")
public class MatchController {

    private final Matchmaker matchmaker;
    private final Matches matches;
    private final MatchViews views;

    public MatchController(Matchmaker matchmaker, Matches matches, MatchViews views) {
        this.matchmaker = matchmaker;
        this.matches = matches;
        this.views = views;
    }

    @GetMapping("/{matchId}")
    @Operation(summary = "一条匹配及其解释 One match with its explanation")
    public MatchView get(@PathVariable UUID matchId) {
        return views.of(permitted(matchId));
    }

    @PostMapping("/{matchId}/accept")
    @Operation(
            summary = "接受推荐 Accept a proposal",
            description = "409 if it was decided already; the saga follows by events.")
    public MatchView accept(@PathVariable UUID matchId, @RequestBody(required = false) @Valid Requests.Accept body) {
        permitted(matchId);
        return views.of(matchmaker.accept(matchId, Requests.actor()));
    }

    @PostMapping("/{matchId}/decline")
    @Operation(
            summary = "拒绝推荐并说明原因 Decline with a reason",
            description = "The next best candidate is proposed at once.")
    public MatchView decline(@PathVariable UUID matchId, @RequestBody @Valid Requests.Decline body) {
        permitted(matchId);
        return views.of(matchmaker.decline(matchId, body.reason(), body.checkedNote(), Requests.actor()));
    }

    @PostMapping("/{matchId}/complete")
    @Operation(
            summary = "服务完成 The service was delivered",
            description = "Credits hours and points, consumes stock, closes the need.")
    public MatchView complete(@PathVariable UUID matchId, @RequestBody @Valid Requests.Complete body) {
        permitted(matchId);
        return views.of(matchmaker.complete(
                matchId,
                new Matchmaker.Completion(
                        body.serviceMinutes(),
                        body.peopleReached() == null ? 1 : body.peopleReached(),
                        body.deliveredQuantity(),
                        body.deliveredFen()),
                Requests.actor()));
    }

    /** The match, if the caller may see and decide it: 404 when unknown, 403 naming {@code matchId} for another station. */
    private MatchRecord permitted(UUID matchId) {
        MatchRecord m = matches.find(matchId).orElseThrow(() -> notFound(matchId));
        MatchingAccess.requireMatch(m);
        return m;
    }

    static InvalidInputException notFound(UUID matchId) {
        return new InvalidInputException("matchId", Messages.text("match.not-found", matchId), 404);
    }
}
