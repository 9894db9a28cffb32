package org.wushe.hub.matching.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.wushe.hub.matching.proposal.Matches;
import org.wushe.hub.matching.proposal.MatchStatus;
import org.wushe.hub.matching.push.StationStreams;
import org.wushe.hub.matching.readmodel.ReadModel;

/** What a station's staff see: open proposals (live over Server-Sent Events) and their matches. */
@RestController
@Validated
@RequestMapping("/stations")
@Tag(name = "stations", description = "站点推送 Proposals for station staff")
public class StationController {

    private final Matches matches;
    private final MatchViews views;
    private final StationStreams streams;
    private final ReadModel readModel;

    public StationController(Matches matches, MatchViews views, StationStreams streams, ReadModel readModel) {
        this.matches = matches;
        this.views = views;
        this.streams = streams;
        this.readModel = readModel;
    }

    @GetMapping
    @Operation(summary = "已知站点 Stations known to matching", description = "From StationRegistered events; centres have no parent.")
    public List<ReadModel.Station> stations() {
        return readModel.stations();
    }

    @GetMapping("/{stationId}/proposals")
    @Operation(summary = "待确认的推荐 Open proposals", description = "The station's own, and those escalated to it as the centre.")
    public List<MatchView> proposals(@PathVariable UUID stationId) {
        return matches.openFor(stationId).stream().map(views::of).toList();
    }

    @GetMapping("/{stationId}/matches")
    @Operation(summary = "站点的匹配 The station's matches", description = "By status, newest first (default: accepted, reserved, completed).")
    public List<MatchView> matches(@PathVariable UUID stationId, @RequestParam(required = false) Set<MatchStatus> status,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        Set<MatchStatus> wanted = status == null || status.isEmpty()
                ? EnumSet.of(MatchStatus.ACCEPTED, MatchStatus.RESERVED, MatchStatus.COMPLETED) : status;
        return matches.ofStation(stationId, wanted, limit).stream().map(views::of).toList();
    }

    @GetMapping(path = "/{stationId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "实时推送 Live proposals (Server-Sent Events)",
            description = "Event 'hello' on connect, then 'match' with a MatchView whenever one of the station's matches changes.")
    public SseEmitter stream(@PathVariable UUID stationId) {
        return streams.open(stationId);
    }
}
