package org.wushe.hub.community.needimport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.hub.community.web.Tenants;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;

@RestController
@RequestMapping("/imports")
@Tag(name = "need-list import", description = "需求清单导入 Need lists from .xlsx or .csv, Chinese or English headers")
public class ImportController {

    /** Progress of an import, and where its report is; {@code communityId}: the only community it publishes for (community staff's upload). */
    public record ImportView(
            UUID id,
            String fileName,
            SpreadsheetReader.Format format,
            String sha256,
            UUID communityId,
            ImportJob.State state,
            int total,
            int processed,
            int published,
            int rejected,
            int lastRowDone,
            java.time.Instant createdAt,
            java.time.Instant startedAt,
            java.time.Instant finishedAt,
            String rejections) {
        static ImportView of(ImportJob j) {
            return new ImportView(
                    j.id(),
                    j.fileName(),
                    j.format(),
                    j.sha256(),
                    j.communityId(),
                    j.state(),
                    j.total(),
                    j.processed(),
                    j.published(),
                    j.rejected(),
                    j.lastRowDone(),
                    j.createdAt(),
                    j.startedAt(),
                    j.finishedAt(),
                    "/imports/" + j.id() + "/rejections");
        }
    }

    public enum TemplateFormat {
        xlsx,
        csv
    }

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportService imports;
    private final ImportAccess access;

    public ImportController(ImportService imports, ImportAccess access) {
        this.imports = imports;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary =
                    "Upload a need list (.xlsx or .csv, part 'file'): 202 and a new import, or 200 and the earlier import of the same file. "
                            + "Community staff import rows of their own community only (others are rejected in the report)")
    public ResponseEntity<ImportView> upload(@RequestPart(name = "file", required = false) MultipartFile file) {
        Caller caller = Access.caller();
        UUID community = caller.isAdmin() ? null : ownCommunity(caller);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", Messages.text("import.file-part-required"));
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new InvalidInputException("file", Messages.text("import.upload-unreadable"));
        }
        ImportService.Upload upload = imports.upload(caller.subject(), community, file.getOriginalFilename(), bytes);
        ImportView view = ImportView.of(upload.job());
        URI location = URI.create("/imports/" + upload.job().id());
        return upload.created()
                ? ResponseEntity.accepted().location(location).body(view)
                : ResponseEntity.ok().location(location).body(view);
    }

    /** The community the caller is staff of (the path rule let only community staff and the hub admin through). */
    private static UUID ownCommunity(Caller caller) {
        return Tenants.of(caller, Roles.COMMUNITY_STAFF)
                .orElseThrow(() -> new ForbiddenException(
                        Roles.COMMUNITY_ID,
                        Messages.text("import.token-no-community", caller.describeText()),
                        Roles.COMMUNITY_STAFF + " of a community"));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Progress: processed of total rows, published, rejected, state")
    public ImportView get(@PathVariable UUID id) {
        return ImportView.of(visible(id));
    }

    @GetMapping
    @Operation(
            summary =
                    "The newest imports the caller may see: all for the hub admin, its community's for community staff, "
                            + "its centre's communities' for a centre manager")
    public List<ImportView> recent(@RequestParam(defaultValue = "50") @PositiveOrZero @Max(500) int limit) {
        return access
                .visibleCommunities("GET /imports")
                .map(communities -> imports.recentOf(communities, limit))
                .orElseGet(() -> imports.recent(limit))
                .stream()
                .map(ImportView::of)
                .toList();
    }

    /** The import, if the caller may see its community's imports (403 naming {@code id} otherwise). */
    private ImportJob visible(UUID id) {
        ImportJob job = imports.get(id);
        access.requireRead("id", job.communityId());
        return job;
    }

    @GetMapping("/{id}/rejections")
    @Operation(summary = "Rejected rows: row, column (as the file spells it) and reason")
    public List<NeedRowParser.RowProblem> rejections(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
            @RequestParam(defaultValue = "1000") @PositiveOrZero @Max(10000) int limit) {
        visible(id);
        return imports.rejections(id, offset, limit);
    }

    @GetMapping(value = "/{id}/rejections.csv", produces = "text/csv")
    @Operation(
            summary =
                    "The rejected rows as a CSV report (opens in Excel; cells that would run as formulas start with an apostrophe)")
    public ResponseEntity<byte[]> rejectionsCsv(@PathVariable UUID id) {
        visible(id);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("行 row", "列 column", "原因 reason");
            for (NeedRowParser.RowProblem p : imports.rejections(id, 0, Integer.MAX_VALUE)) {
                printer.printRecord(p.row(), cell(p.column()), cell(p.reason()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("rejections-" + id + ".csv")
                                .build()
                                .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A text cell that a spreadsheet would run as a formula (= + - @, tab, CR first) starts with an apostrophe instead. */
    static String cell(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @GetMapping("/templates/{language}")
    @Operation(
            summary =
                    "A need-list template with Chinese (zh) or English (en) headers, as xlsx (with a help sheet) or csv")
    public ResponseEntity<byte[]> template(
            @PathVariable ImportColumn.Language language, @RequestParam(defaultValue = "xlsx") TemplateFormat format) {
        byte[] body = format == TemplateFormat.xlsx ? Templates.xlsx(language) : Templates.csv(language);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("need-list-template-" + language + "." + format)
                                .build()
                                .toString())
                .contentType(
                        format == TemplateFormat.xlsx ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }
}
