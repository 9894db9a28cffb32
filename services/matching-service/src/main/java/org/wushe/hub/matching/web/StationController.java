package org.wushe.hub.matching.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.matching.proposal.MatchRecord;
import org.wushe.hub.matching.proposal.MatchStatus;
import org.wushe.hub.matching.proposal.Matches;
import org.wushe.hub.matching.push.StationStreams;
import org.wushe.hub.matching.push.TooManyStreamsException;
import org.wushe.hub.matching.readmodel.ReadModel;
import org.wushe.hub.matching.view.MatchView;
import org.wushe.hub.matching.view.MatchViews;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.web.InvalidInputException;

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
    @Operation(
            summary = "已知站点 Stations known to matching",
            description = "From StationRegistered events; centres have no parent.")
    public List<ReadModel.Station> stations() {
        return readModel.stations();
    }

    /** The header with the number of proposals that pass the filters, before paging. */
    public static final String TOTAL_COUNT = "X-Total-Count";

    @GetMapping("/{stationId}/proposals")
    @Operation(
            summary = "待确认的推荐 Open proposals",
            description =
                    "The station's own, and those escalated to it as the centre; filtered by the need's category, urgency and the end "
                            + "of its window (deadlineBefore, exclusive), most urgent first, then the earliest end of the need's window, then the "
                            + "newest proposal. The body is one page (offset, limit); the header X-Total-Count has how many pass the filters.")
    public ResponseEntity<List<MatchView>> proposals(
            @PathVariable UUID stationId,
            @Parameter(description = "需求类别 the need's category; repeat for several (any of them)")
                    @RequestParam(required = false)
                    Set<Category> category,
            @Parameter(description = "紧急程度 the need's urgency; repeat for several (any of them)")
                    @RequestParam(required = false)
                    Set<Urgency> urgency,
            @Parameter(description = "the need's window ends before this instant (ISO-8601, e.g. 2026-12-10T00:00:00Z)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant deadlineBefore,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Matches.OpenFilter filter = new Matches.OpenFilter(
                names("category", category, Category.UNKNOWN),
                names("urgency", urgency, Urgency.UNKNOWN),
                deadlineBefore);
        Matches.Page<MatchRecord> page = matches.openFor(stationId, filter, offset, limit);
        return ResponseEntity.ok()
                .header(TOTAL_COUNT, Long.toString(page.total()))
                .body(views.of(page.items()));
    }

    /** The names of the chosen values; UNKNOWN (what a reader gets for a symbol it does not know) is never a filter. */
    private static <E extends Enum<E>> Set<String> names(String field, Set<E> values, E unknown) {
        if (values == null) {
            return Set.of();
        }
        if (values.contains(unknown)) {
            throw new InvalidInputException(field, Messages.text("filter.unknown"));
        }
        return values.stream().map(Enum::name).collect(Collectors.toSet());
    }

    @GetMapping("/{stationId}/matches")
    @Operation(
            summary = "站点的匹配 The station's matches",
            description = "By status, newest first (default: accepted, reserved, completed).")
    public List<MatchView> matches(
            @PathVariable UUID stationId,
            @RequestParam(required = false) Set<MatchStatus> status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        Set<MatchStatus> wanted = status == null || status.isEmpty()
                ? EnumSet.of(MatchStatus.ACCEPTED, MatchStatus.RESERVED, MatchStatus.COMPLETED)
                : status;
        return views.of(matches.ofStation(stationId, wanted, limit));
    }

    @GetMapping(path = "/{stationId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "实时推送 Live proposals (Server-Sent Events)",
            description =
                    "Event 'hello' on connect, then 'match' with a MatchView whenever one of the station's matches changes. "
                            + "The stream ends when the caller's access token expires (event 'end' with reason TOKEN_EXPIRED, then the end of "
                            + "the response): reconnect with a fresh token. One person (the token's subject) holds at most "
                            + "wushe.matching.max-streams-per-person streams at once (default 5); one more is a 429 problem naming the limit.")
    @ApiResponse(
            responseCode = "429",
            description = "Too many open streams of this person (problem with 'limit')",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    public SseEmitter stream(@PathVariable UUID stationId) {
        Jwt token = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken t
                ? t.getToken()
                : null;
        if (token == null) { // the path rule lets only verified tokens through
            throw new ForbiddenException("Authorization", Messages.text("auth.sign-in-first"), "a valid bearer token");
        }
        return streams.open(stationId, token.getSubject(), token.getExpiresAt());
    }

    /** The type of the problem a refused stream gets. */
    public static final URI TOO_MANY_STREAMS = URI.create("urn:wushe:problem:too-many-streams");

    /**
     * 429 with the limit. The content type is set here: the stream's mapping produces only text/event-stream, which
     * content negotiation would otherwise hold the problem body to.
     */
    @ExceptionHandler(TooManyStreamsException.class)
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        body.setType(TOO_MANY_STREAMS);
        body.setTitle("实时推送过多 Too many open streams");
        body.setProperty("limit", e.limit());
        body.setProperty(
                "errors",
                List.of(Map.of(
                        "field",
                        "stream",
                        "message",
                        "at most " + e.limit() + " open streams per person 每人最多同时打开 " + e.limit() + " 个实时推送")));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "15")
                .body(body);
    }
}
