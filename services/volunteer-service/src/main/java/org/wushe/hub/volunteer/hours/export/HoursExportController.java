package org.wushe.hub.volunteer.hours.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

@RestController
@Tag(name = "hours", description = "服务时长 Service hours: credited from completed matches or logged by station staff")
public class HoursExportController {

    /** How many rows the file holds. */
    static final String ROWS = "X-Export-Rows";

    /** How many records of erased volunteers were left out. */
    static final String ERASED_LEFT_OUT = "X-Export-Erased-Left-Out";

    private final HoursExport export;

    public HoursExportController(HoursExport export) {
        this.export = export;
    }

    @GetMapping("/stations/{stationId}/hours/export")
    @Operation(
            summary = "导出服务时长 The station's service hours for the national volunteer service information system's bulk "
                    + "import (全国志愿服务信息系统批量导入): one row per volunteer per record, columns 姓名, 证件类型, 证件号码, "
                    + "服务时长（小时）, 服务开始时间, 服务结束时间, 服务项目/活动名称, 服务地点, 记录单位 under one Chinese header row; "
                    + "CSV in UTF-8 with a byte order mark or XLSX. Only staff of that station (not the hub admin); a reason "
                    + "is required and the export is written to the access log of every volunteer in it; erased volunteers "
                    + "are left out (counted in X-Export-Erased-Left-Out). The period is at most a year.")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = ExportFiles.XLSX, schema = @Schema(type = "string", format = "binary"))
            })
    public ResponseEntity<byte[]> export(
            @PathVariable UUID stationId,
            @Parameter(description = "the first day of service, YYYY-MM-DD", required = true)
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "the last day of service, YYYY-MM-DD, at most a year after from", required = true)
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "csv (default) or xlsx") @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = "why the personal data are exported (written to the access log)", required = true)
                    @RequestParam(required = false)
                    String reason) {
        HoursExport.Format f = format(format);
        HoursExport.Export e = export.export(stationId, from, to, reason);
        boolean xlsx = f == HoursExport.Format.xlsx;
        byte[] body = xlsx ? ExportFiles.xlsx(e) : ExportFiles.csv(e);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        "志愿服务记录-hours-" + e.from() + "-" + e.to() + "." + f.name(),
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(ROWS, String.valueOf(e.rows().size()))
                .header(ERASED_LEFT_OUT, String.valueOf(e.erasedLeftOut()))
                .contentType(
                        xlsx
                                ? MediaType.parseMediaType(ExportFiles.XLSX)
                                : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    private static HoursExport.Format format(String format) {
        return Arrays.stream(HoursExport.Format.values())
                .filter(f -> f.name().equals(format.strip().toLowerCase(java.util.Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("format", Messages.text("export.format", format)));
    }
}
