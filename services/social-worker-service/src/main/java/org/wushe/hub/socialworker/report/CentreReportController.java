package org.wushe.hub.socialworker.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.socialworker.station.Stations;

/**
 * Centre reports for centre managers, as JSON, CSV and XLSX. The downloads declare no {@code produces},
 * so that bad input is answered as {@code application/problem+json} like everywhere else. A centre's
 * reports are for its managers ({@code centre_manager} of {@code centreId}) and the hub admin: a path rule
 * ({@link org.wushe.hub.socialworker.web.SocialWorkerAccessRules}).
 */
@RestController
@Tag(name = "centre reports", description = "中心报表 What a street/town or district centre's stations did in a period")
public class CentreReportController {

    private static final String PERIOD_DOC =
            "Whole days from..to (inclusive, Asia/Shanghai), at most 3 years; or, instead, period";

    private final CentreReports reports;
    private final Stations stations;

    public CentreReportController(CentreReports reports, Stations stations) {
        this.reports = reports;
        this.stations = stations;
    }

    @GetMapping("/centres")
    @Operation(
            summary =
                    "District and street/town centres known from StationRegistered, with the number of stations each leads",
            description = "A centre manager sees the centres they manage; everyone else every centre")
    public List<Stations.Centre> centres() {
        Caller caller = Access.caller();
        List<Stations.Centre> all = stations.centres();
        if (caller.isAdmin() || !caller.has(Roles.CENTRE_MANAGER)) {
            return all;
        }
        return all.stream()
                .filter(c -> caller.holds(Roles.CENTRE_MANAGER, c.id()))
                .toList();
    }

    @GetMapping("/centres/{centreId}/report")
    @Operation(
            summary = "The centre's report: a row for its own work, one per station it leads, and the totals",
            description =
                    "Needs published, matched (first proposal), accepted, fulfilled, cancelled, expired; median and p90 times to the "
                            + "first proposal and to fulfilment; volunteer hours and points; visits, cases, group sessions, volunteers recruited "
                            + "and the certification rate. Give from and to, or period.")
    public CentreReport report(
            @PathVariable UUID centreId,
            @Parameter(description = PERIOD_DOC) @RequestParam(required = false) LocalDate from,
            @Parameter(description = PERIOD_DOC) @RequestParam(required = false) LocalDate to,
            @Parameter(description = "THIS_MONTH 本月, LAST_MONTH 上月 or THIS_YEAR 本年, instead of from and to")
                    @RequestParam(required = false)
                    ReportPreset period) {
        return reports.report(centreId, from, to, period);
    }

    @GetMapping("/centres/{centreId}/report.csv")
    @Operation(
            summary =
                    "The centre's report as CSV (UTF-8 with BOM, Chinese and English headers, a totals row), for Excel")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    public ResponseEntity<byte[]> csv(
            @PathVariable UUID centreId,
            @Parameter(description = PERIOD_DOC) @RequestParam(required = false) LocalDate from,
            @Parameter(description = PERIOD_DOC) @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) ReportPreset period) {
        return file(reports.report(centreId, from, to, period), CentreReportFiles::csv, CentreReportFiles.CSV, "csv");
    }

    @GetMapping("/centres/{centreId}/report.xlsx")
    @Operation(summary = "The centre's report as an Excel workbook: one sheet, header row, numeric cells, a totals row")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(mediaType = CentreReportFiles.XLSX, schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<byte[]> xlsx(
            @PathVariable UUID centreId,
            @Parameter(description = PERIOD_DOC) @RequestParam(required = false) LocalDate from,
            @Parameter(description = PERIOD_DOC) @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) ReportPreset period) {
        return file(
                reports.report(centreId, from, to, period), CentreReportFiles::xlsx, CentreReportFiles.XLSX, "xlsx");
    }

    private static ResponseEntity<byte[]> file(
            CentreReport report, Function<CentreReport, byte[]> writer, String contentType, String extension) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(CentreReportFiles.fileName(report, extension), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(writer.apply(report));
    }
}
