package org.wushe.hub.socialworker.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.socialworker.report.CentreFigures.CommunityFigures;
import org.wushe.hub.socialworker.report.CentreFigures.CreditFigures;
import org.wushe.hub.socialworker.report.CentreFigures.NeedFigures;
import org.wushe.hub.socialworker.report.CentreFigures.RatingFigures;
import org.wushe.hub.socialworker.report.CentreReport.Durations;
import org.wushe.hub.socialworker.report.CentreReport.GridWork;
import org.wushe.hub.socialworker.report.CentreReport.Needs;
import org.wushe.hub.socialworker.report.CentreReport.Residents;
import org.wushe.hub.socialworker.report.CentreReport.Row;
import org.wushe.hub.socialworker.report.CentreReport.Scope;
import org.wushe.hub.socialworker.station.Station;
import org.wushe.hub.socialworker.station.Stations;

/**
 * Centre reports (中心报表): a row for the centre's own work, a row for each station it leads (with the
 * stations below that one), and the totals. The work figures are the station report's
 * ({@link StationReports#figures}); needs, times, hours and points come from {@link CentreFigures}.
 */
@Service
public class CentreReports {

    /** A centre report covers a month, a quarter, a year; three years at most. */
    public static final int MAX_YEARS = 3;

    private final Stations stations;
    private final StationReports work;
    private final CentreFigures figures;
    private final Clock clock;

    public CentreReports(Stations stations, StationReports work, CentreFigures figures, Clock clock) {
        this.stations = stations;
        this.work = work;
        this.figures = figures;
        this.clock = clock;
    }

    /** One consistent snapshot of every figure of every row. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public CentreReport report(UUID centreId, LocalDate from, LocalDate to, ReportPreset preset) {
        Station centre = stations.centre(centreId);
        ReportPeriod period = period(from, to, preset);

        // The rows: the centre alone, then each station it leads with those below it. A station counts in one row.
        Map<UUID, List<Station>> coveredByRow = new LinkedHashMap<>();
        Map<UUID, UUID> rowOfStation = new LinkedHashMap<>();
        coveredByRow.put(centre.id(), List.of(centre));
        rowOfStation.put(centre.id(), centre.id());
        for (Station child : stations.children(centre)) {
            List<Station> covered = new ArrayList<>();
            for (Station s : stations.withStationsBelow(child)) {
                if (rowOfStation.putIfAbsent(s.id(), child.id()) == null) {
                    covered.add(s);
                }
            }
            if (!covered.isEmpty()) {
                coveredByRow.put(child.id(), covered);
            }
        }
        List<Station> all = coveredByRow.values().stream().flatMap(List::stream).toList();
        // Grid work and wishes name a community: a row counts those of every community its stations serve.
        List<UUID[]> rowOfCommunity = new ArrayList<>();
        coveredByRow.forEach((rowId, covered) -> covered.stream()
                .flatMap(s -> s.communities().stream())
                .distinct()
                .forEach(community -> rowOfCommunity.add(new UUID[] {community, rowId})));

        Map<UUID, NeedFigures> needs = figures.needs(rowOfStation, period);
        Map<UUID, CreditFigures> credits = figures.credits(rowOfStation, period);
        Map<UUID, CommunityFigures> communities = figures.communities(rowOfCommunity, period);
        Map<UUID, RatingFigures> ratings = figures.ratings(rowOfStation, period);
        List<Row> rows = new ArrayList<>();
        coveredByRow.forEach((rowId, covered) -> {
            Station top = covered.get(0);
            rows.add(row(
                    rowId.equals(centre.id()) ? Scope.CENTRE : Scope.STATION,
                    top,
                    work.figures(top, covered, period),
                    CentreFigures.needsOf(needs, rowId),
                    CentreFigures.creditsOf(credits, rowId),
                    CentreFigures.communitiesOf(communities, rowId),
                    CentreFigures.ratingsOf(ratings, rowId)));
        });
        Row totals = row(
                Scope.TOTAL,
                centre,
                work.figures(centre, all, period),
                CentreFigures.needsOf(needs, CentreFigures.TOTAL),
                CentreFigures.creditsOf(credits, CentreFigures.TOTAL),
                CentreFigures.communitiesOf(communities, CentreFigures.TOTAL),
                CentreFigures.ratingsOf(ratings, CentreFigures.TOTAL));
        return new CentreReport(
                centre.id(), centre.name(), centre.level(), period.from(), period.to(), preset, rows, totals);
    }

    /** The period asked for: a preset, or from and to; never both, never half. */
    ReportPeriod period(LocalDate from, LocalDate to, ReportPreset preset) {
        LocalDate today = Calendar.today(clock);
        if (preset != null) {
            if (from != null || to != null) {
                throw new InvalidInputException("period", Messages.text("report.period-or-dates"));
            }
            return ReportPeriod.of(preset.from(today), preset.to(today), today, MAX_YEARS);
        }
        if (from == null) {
            throw new InvalidInputException("from", Messages.text("report.from-or-preset-required"));
        }
        if (to == null) {
            throw new InvalidInputException("to", Messages.text("report.to-required"));
        }
        return ReportPeriod.of(from, to, today, MAX_YEARS);
    }

    private static Row row(
            Scope scope,
            Station top,
            StationReport w,
            NeedFigures n,
            CreditFigures c,
            CommunityFigures g,
            RatingFigures r) {
        return new Row(
                scope,
                top.id(),
                top.name(),
                top.level(),
                w.stationsIncluded(),
                new Needs(n.published(), n.matched(), n.accepted(), n.fulfilled(), n.cancelled(), n.expired()),
                durations(n.proposalTimed(), n.proposalMedian(), n.proposalP90()),
                durations(n.fulfilmentTimed(), n.fulfilmentMedian(), n.fulfilmentP90()),
                c.minutes(),
                hours(c.minutes()),
                c.points(),
                w.phoneVisits(),
                w.homeVisits(),
                w.casesOpened(),
                w.casesOpen(),
                w.caseClients(),
                w.groupsRun(),
                w.groupSessions(),
                w.groupParticipants(),
                w.volunteersRecruited(),
                w.socialWorkers(),
                w.certifiedWorkers(),
                w.certificationRate(),
                w.certificationRateText(),
                new GridWork(
                        g.patrols(),
                        g.hazardsFound(),
                        g.hazardsFixed(),
                        g.careVisits(),
                        g.careVisitsOnTime(),
                        g.careVisitsLate(),
                        g.careVisitsOverdue()),
                new Residents(
                        g.wishesSubmitted(),
                        g.wishesFulfilled(),
                        r.ratings(),
                        stars(r.meanStars()),
                        r.followUpsAsked(),
                        r.followUpsDone()),
                w.activitiesHeld(),
                w.trainingsHeld(),
                w.activityParticipants(),
                w.activityAttendances(),
                w.activityHours());
    }

    /** Mean stars to two decimals, half up (4, 5, 5 → 4.67); null without ratings. */
    static BigDecimal stars(Double mean) {
        return mean == null ? null : BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP);
    }

    static Durations durations(int timed, Double medianMinutes, Double p90Minutes) {
        return new Durations(
                timed, minutes(medianMinutes), minutes(p90Minutes), hoursOf(medianMinutes), hoursOf(p90Minutes));
    }

    private static BigDecimal minutes(Double m) {
        return m == null ? null : BigDecimal.valueOf(m).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal hoursOf(Double m) {
        return m == null ? null : BigDecimal.valueOf(m).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
