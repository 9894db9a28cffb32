package org.wushe.hub.socialworker.report;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.platform.web.InvalidInputException;

@RestController
@Tag(name = "reports", description = "工作报表 What a station or centre reports for a period")
public class ReportController {

    private final StationReports reports;

    public ReportController(StationReports reports) {
        this.reports = reports;
    }

    @GetMapping("/stations/{id}/report")
    @Operation(summary = "Figures of the station (and, by default, the stations below a centre) for the days from..to (inclusive, Asia/Shanghai)")
    public StationReport report(@PathVariable UUID id, @RequestParam(required = false) LocalDate from,
                                @RequestParam(required = false) LocalDate to,
                                @RequestParam(defaultValue = "true") boolean includeStationsBelow) {
        // Checked here rather than by Spring, so that a missing one is a problem naming it like any other.
        if (from == null) {
            throw new InvalidInputException("from", "required: the first day of the period (e.g. 2026-01-01)");
        }
        if (to == null) {
            throw new InvalidInputException("to", "required: the last day of the period (e.g. 2026-06-30)");
        }
        return reports.report(id, from, to, includeStationsBelow);
    }
}
