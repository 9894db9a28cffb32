package org.wushe.hub.socialworker.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.socialworker.station.Station;
import org.wushe.hub.socialworker.station.Stations;

@RestController
@Tag(name = "reports", description = "工作报表 What a station or centre reports for a period")
public class ReportController {

    private final StationReports reports;
    private final Stations stations;

    public ReportController(StationReports reports, Stations stations) {
        this.reports = reports;
        this.stations = stations;
    }

    @GetMapping("/stations/{id}/report")
    @Operation(
            summary =
                    "Figures of the station (and, by default, the stations below a centre) for the days from..to (inclusive, Asia/Shanghai)",
            description = "For the station's staff and the managers of the centres it belongs to (and the hub admin)")
    public StationReport report(
            @PathVariable UUID id,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "true") boolean includeStationsBelow) {
        requireReader(stations.get(id));
        // Checked here rather than by Spring, so that a missing one is a problem naming it like any other.
        if (from == null) {
            throw new InvalidInputException("from", Messages.text("report.from-required"));
        }
        if (to == null) {
            throw new InvalidInputException("to", Messages.text("report.to-required"));
        }
        return reports.report(id, from, to, includeStationsBelow);
    }

    /**
     * The station's staff, or a manager of a centre the station belongs to (the station itself when it is
     * a centre, its street/town centre, its district centre), or the hub admin; 403 naming {@code stationId}.
     */
    private void requireReader(Station station) {
        List<UUID> centres = stations.centresOf(station);
        if (Access.may(station.id(), Roles.STATION_STAFF)
                || centres.stream().anyMatch(c -> Access.may(c, Roles.CENTRE_MANAGER))) {
            return;
        }
        Caller caller = Access.caller();
        String needed = Stream.concat(
                        Stream.of(Roles.STATION_STAFF + " of " + station.id()),
                        centres.stream().map(c -> Roles.CENTRE_MANAGER + " of " + c))
                .collect(Collectors.joining(" or "));
        throw new ForbiddenException(
                "stationId",
                Messages.text("report.station-refused", caller.describeText(), station.id(), needed),
                needed);
    }
}
