package org.wushe.hub.community.need;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Roles;

/** Recurring needs: started and stopped by the staff of their community (or the hub admin), read by any signed-in caller. */
@RestController
@RequestMapping("/need-series")
@Tag(name = "recurring needs", description = "周期性需求 Recurring needs, e.g. milk every week: each occurrence is a need")
public class NeedSeriesController {

    /** The need's start and end are those of the first occurrence. */
    public record SeriesRequest(
            @NotNull @Valid NeedController.NeedRequest need,
            @NotNull Recurrence.Frequency frequency,
            @Min(1) @Max(52) Integer interval,
            @Min(1) @Max(1000) Integer count,
            Instant until) {}

    public record SeriesView(
            UUID id,
            Recurrence.Frequency frequency,
            int interval,
            Integer count,
            Instant until,
            Instant firstStart,
            int nextOccurrence,
            boolean active,
            List<NeedController.NeedView> needs) {}

    private final NeedSeriesService series;
    private final NeedService needs;

    public NeedSeriesController(NeedSeriesService series, NeedService needs) {
        this.series = series;
        this.needs = needs;
    }

    @PostMapping
    @Operation(
            summary = "Publish a recurring need: its first occurrence now, later ones as they come within the horizon")
    public ResponseEntity<SeriesView> create(@Valid @RequestBody SeriesRequest r) {
        Access.requireTenant("need.communityId", r.need().communityId(), Roles.COMMUNITY_STAFF);
        NeedSeries s = series.create(
                r.need().toDraft(),
                new Recurrence(r.frequency(), r.interval() == null ? 1 : r.interval(), r.count(), r.until()));
        return ResponseEntity.created(URI.create("/need-series/" + s.id())).body(view(s));
    }

    @GetMapping("/{id}")
    public SeriesView get(@PathVariable UUID id) {
        NeedController.refuseResidentAlone("id");
        return view(series.get(id));
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Publish no further occurrences (those published stay; cancel them one by one)")
    public SeriesView stop(@PathVariable UUID id) {
        Access.requireTenant("communityId", series.get(id).template().communityId(), Roles.COMMUNITY_STAFF);
        return view(series.stop(id));
    }

    private SeriesView view(NeedSeries s) {
        List<NeedController.NeedView> published =
                needs.list(new NeedRepository.Filter(null, null, null, s.id(), null, null), 0, 1000).stream()
                        .map(NeedController.NeedView::of)
                        .toList();
        return new SeriesView(
                s.id(),
                s.recurrence().frequency(),
                s.recurrence().interval(),
                s.recurrence().count(),
                s.recurrence().until(),
                s.firstStart(),
                s.nextOccurrence(),
                s.active(),
                published);
    }
}
