package org.wushe.hub.socialworker.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.socialworker.station.Station;
import org.wushe.hub.socialworker.station.Stations;
import org.wushe.hub.socialworker.volunteers.VolunteerRegistrations;

@Service
public class StationReports {

    private final Stations stations;
    private final ReportRepository figures;
    private final VolunteerRegistrations volunteers;
    private final Clock clock;

    public StationReports(Stations stations, ReportRepository figures, VolunteerRegistrations volunteers, Clock clock) {
        this.stations = stations;
        this.figures = figures;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    /** One consistent snapshot of every figure. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public StationReport report(UUID stationId, LocalDate from, LocalDate to, boolean includeStationsBelow) {
        Station top = stations.get(stationId);
        ReportPeriod period = ReportPeriod.of(from, to, Calendar.today(clock));
        return figures(top, includeStationsBelow ? stations.withStationsBelow(top) : List.of(top), period);
    }

    /**
     * The figures of the {@code covered} stations together, reported under {@code top}; runs in the
     * caller's transaction (centre reports take one per row and one for their totals).
     */
    @Transactional(readOnly = true)
    public StationReport figures(Station top, List<Station> covered, ReportPeriod period) {
        List<UUID> ids = Stations.ids(covered);
        Set<UUID> communities = new LinkedHashSet<>();
        covered.forEach(s -> communities.addAll(s.communities()));

        Map<String, Object> v = figures.visits(ids, period);
        Map<String, Object> c = figures.cases(ids, period);
        Map<String, Object> g = figures.groups(ids, period);
        Map<String, Object> w = figures.workers(ids, period);
        Map<String, Object> a = figures.activities(ids, communities, period);
        CertificationRate rate = new CertificationRate(n(w, "certified"), n(w, "workers"));
        return new StationReport(
                top.id(),
                top.name(),
                ids,
                period.from(),
                period.to(),
                n(v, "phone"),
                n(v, "home"),
                n(v, "not_reached"),
                n(v, "needs"),
                n(c, "clients"),
                n(c, "opened"),
                n(c, "closed"),
                n(c, "open_at_end"),
                n(g, "groups"),
                n(g, "sessions"),
                n(g, "participants"),
                volunteers.countRecruited(communities, period.start(), period.end()),
                rate.total(),
                rate.certified(),
                rate.percent(),
                rate.text(),
                n(w, "trained_locally"),
                n(w, "full_time"),
                n(w, "part_time"),
                n(a, "held"),
                n(a, "trainings"),
                n(a, "participants"),
                n(a, "attendances"),
                hours(a.get("minutes")));
    }

    /** Minutes as hours, one decimal, half up (100 → 1.7). */
    static BigDecimal hours(Object minutes) {
        long m = minutes == null ? 0 : ((Number) minutes).longValue();
        return BigDecimal.valueOf(m).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    private static int n(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).intValue();
    }
}
