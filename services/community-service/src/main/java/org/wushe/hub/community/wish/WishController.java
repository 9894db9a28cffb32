package org.wushe.hub.community.wish;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.community.need.NeedController;
import org.wushe.hub.community.need.NeedRules;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

/**
 * A resident's own pages ({@code /residents/me/…}, the resident's account only: their wishes, needs and ratings, never
 * anyone else's) and the desks of the community's and station's staff (wishes to accept or decline, follow-ups to record; the
 * station's social workers record its follow-ups too, from their phone: {@code /social-workers/me/follow-ups}).
 */
@RestController
@Tag(
        name = "residents' wishes and ratings",
        description = "居民微心愿、求助与服务评价 A resident's micro-wishes, requests for help, ratings; follow-up visits")
public class WishController {

    /** A wish as the resident sends it; title and description are screened for phone and ID numbers. */
    public record NewWish(
            @NotNull Category category,
            @NotBlank @Size(max = NeedRules.MAX_TITLE) String title,
            @Size(max = 1000) String description,
            @NotNull Boolean consentToShare) {}

    /** What the community's staff add on accepting a wish; title and category default to the wish's. */
    public record Accept(
            UUID stationId,
            @NotNull Urgency urgency,
            @NotNull BeneficiaryGroup beneficiaryGroup,
            Category category,
            @Size(max = NeedRules.MAX_TITLE) String title,
            Instant start,
            Instant end,
            @Valid NeedController.QuantityRequest quantity,
            @Size(max = NeedRules.MAX_SKILLS) List<@NotNull Skill> requiredSkills,
            @Positive @Max(NeedRules.MAX_MINUTES) Integer estimatedMinutes) {}

    public record Decline(@Size(max = 500) String reason) {}

    /** A rating: 1 to 5 stars and an optional comment, screened for phone and ID numbers. */
    public record Rate(
            @NotNull @Min(1) @Max(5) Integer stars,
            @Size(max = 500) String comment) {}

    public record RecordFollowUp(@Size(max = 1000) String outcome) {}

    private final WishService wishes;
    private final RatingService ratings;

    public WishController(WishService wishes, RatingService ratings) {
        this.wishes = wishes;
        this.ratings = ratings;
    }

    @PostMapping("/residents/me/wishes")
    @Operation(
            summary =
                    "A resident sends a micro-wish or asks for help (their own account only); publishes WishSubmitted")
    public ResponseEntity<Wish.Mine> submit(@Valid @RequestBody NewWish r) {
        Wish w = wishes.submit(r);
        return ResponseEntity.created(URI.create("/residents/me/wishes/" + w.id()))
                .body(Wish.Mine.of(w));
    }

    @GetMapping("/residents/me/wishes")
    @Operation(summary = "The resident's own wishes, the newest first")
    public List<Wish.Mine> myWishes() {
        return wishes.mine();
    }

    @GetMapping("/residents/me/needs")
    @Operation(summary = "The resident's own needs, the newest first, to follow them to fulfilment")
    public List<NeedController.NeedView> myNeeds() {
        return wishes.myNeeds().stream().map(NeedController.NeedView::of).toList();
    }

    @PostMapping("/residents/me/needs/{needId}/rating")
    @Operation(
            summary =
                    "The resident rates a fulfilled need of theirs, once; 2 stars or fewer open a follow-up; publishes ServiceRated")
    public ResponseEntity<Rating.Mine> rate(@PathVariable UUID needId, @Valid @RequestBody Rate r) {
        Rating rating = ratings.rate(needId, r);
        return ResponseEntity.created(URI.create("/residents/me/ratings"))
                .body(new Rating.Mine(
                        rating.needId(),
                        rating.stars(),
                        rating.comment(),
                        rating.ratedAt(),
                        rating.asksForFollowUp() ? FollowUp.Status.OPEN : null));
    }

    @GetMapping("/residents/me/ratings")
    @Operation(summary = "The resident's own ratings, with whether the station's follow-up is open or recorded")
    public List<Rating.Mine> myRatings() {
        return ratings.mine();
    }

    @GetMapping("/communities/{communityId}/wishes")
    @Operation(
            summary =
                    "The community's wishes (PENDING first to decide), for its staff and the staff of the stations serving it")
    public List<Wish> ofCommunity(@PathVariable UUID communityId, @RequestParam(required = false) Wish.Status status) {
        return wishes.ofCommunity(communityId, status);
    }

    @GetMapping("/wishes/{id}")
    public Wish get(@PathVariable UUID id) {
        return wishes.get(id);
    }

    @PostMapping("/wishes/{id}/accept")
    @Operation(
            summary =
                    "The community's staff accept a wish as a need (source MICRO_WISH), with the resident's consent; publishes NeedPublished")
    public Wish accept(@PathVariable UUID id, @Valid @RequestBody Accept r) {
        return wishes.accept(id, r);
    }

    @PostMapping("/wishes/{id}/decline")
    @Operation(summary = "The community's staff decline a wish, with a reason the resident reads")
    public Wish decline(@PathVariable UUID id, @Valid @RequestBody Decline r) {
        return wishes.decline(id, r.reason());
    }

    @GetMapping("/stations/{stationId}/follow-ups")
    @Operation(
            summary =
                    "The station's follow-up visits (回访) of low ratings, for its own staff and the social workers assigned to it now")
    public List<FollowUp> followUps(
            @PathVariable UUID stationId, @RequestParam(required = false) FollowUp.Status status) {
        return ratings.ofStation(stationId, status);
    }

    @GetMapping("/social-workers/me/follow-ups")
    @Operation(
            summary =
                    "A social worker's own list (their phone page): the follow-up visits (回访) of the station they are assigned to now, "
                            + "open ones first (the longest waiting first), then recorded ones (the latest first); a social worker on no station 403 naming "
                            + "social_worker_id")
    public List<FollowUp> myStationsFollowUps(@RequestParam(required = false) FollowUp.Status status) {
        return ratings.ofMyStation(status);
    }

    @GetMapping("/follow-ups/{id}")
    @Operation(summary = "One follow-up visit, for the station's staff and the social workers assigned to it now")
    public FollowUp followUp(@PathVariable UUID id) {
        return ratings.get(id);
    }

    @PostMapping("/follow-ups/{id}")
    @Operation(
            summary =
                    "The station's staff or a social worker assigned to it now record how a follow-up went, once (409 after), the outcome "
                            + "screened; publishes FollowUpRecorded")
    public FollowUp recordFollowUp(@PathVariable UUID id, @Valid @RequestBody RecordFollowUp r) {
        return ratings.record(id, r.outcome());
    }
}
