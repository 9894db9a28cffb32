package org.wushe.hub.community.needimport;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.hub.community.need.NeedDraft;
import org.wushe.hub.community.need.NeedReferences;
import org.wushe.hub.community.web.Tenants;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * The import wizard over HTTP: upload a need list as a draft, see how its columns were mapped and every
 * row read, map columns by hand, fix rows in place, publish. Community staff work on their own
 * community's drafts; the hub admin on any (choosing the community with {@code communityId}, or leaving
 * the rows to name theirs).
 */
@RestController
@RequestMapping("/imports/drafts")
@Tag(
        name = "need-list import wizard",
        description = "导入向导 Upload a clerk's own sheet as a draft, map its columns, fix rows, publish")
public class ImportDraftController {

    private static final ZoneId ZONE = NeedRowParser.ZONE;

    /** How often rows are shown: every row, only rows with problems, or none (counts only). */
    public enum RowsShown {
        all,
        problems,
        none
    }

    /**
     * A draft: its columns and how each is mapped, the fields and which required ones no column fills,
     * counts, and its rows. {@code duplicateOf}: the import this community already made of the same file
     * (publishing answers it and publishes nothing). {@code importId}: the import it was published as.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DraftView(
            UUID id,
            String fileName,
            SpreadsheetReader.Format format,
            String sha256,
            UUID communityId,
            ImportDraft.State state,
            UUID importId,
            UUID duplicateOf,
            List<String> headers,

            @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
            Map<String, String> mapping,

            List<ColumnView> columns,
            List<FieldView> fields,
            List<String> unmappedRequired,
            int total,
            int ready,
            int withProblems,
            List<RowView> rows,
            Instant createdAt,
            Instant updatedAt) {}

    /** A draft in a list: who uploaded what for which community, and whether (as which import) it was published. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DraftSummary(
            UUID id,
            String fileName,
            SpreadsheetReader.Format format,
            UUID communityId,
            String actor,
            ImportDraft.State state,
            UUID importId,
            int total,
            Instant createdAt,
            Instant updatedAt) {}

    /** A column of the file: its position (0-based), header as written, the field it fills (null: ignored) and how it came to. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ColumnView(int index, String header, String field, ImportDraft.Source source) {}

    /** A need field a column can fill, with its template headers. */
    public record FieldView(String name, String zh, String en, boolean required, boolean mapped) {}

    /**
     * A row: its number as the sheet shows it, whether it would publish, the values as they would be
     * published (by field; enums as codes, times ISO with +08:00), their labels in Chinese (choices and
     * the names of community, station, grid), the cells as read (by field, after fixes) and its problems.
     */
    public record RowView(
            int row,
            boolean ok,
            Map<String, Object> values,
            Map<String, String> labels,
            Map<String, String> cells,
            List<ProblemView> problems) {}

    /** A problem of a row: the column as the file spells it (or the field's Chinese header when no column fills it), the field, the reason. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ProblemView(int row, String column, String field, String reason) {}

    private final ImportDraftService drafts;

    public ImportDraftController(ImportDraftService drafts) {
        this.drafts = drafts;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary =
                    "Upload a need list (.xlsx, or .csv in UTF-8 or GB18030; part 'file') as a draft: 201 and the draft with its "
                            + "headers, automatic mapping and a preview of every row. Nothing is published yet. Community staff: their own community; "
                            + "the hub admin: optional communityId, else the rows name their communities")
    public ResponseEntity<DraftView> upload(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) UUID communityId,
            @RequestParam(defaultValue = "all") RowsShown rows) {
        Caller caller = Access.caller();
        UUID community = communityId;
        if (!caller.isAdmin()) {
            UUID own = Tenants.of(caller, Roles.COMMUNITY_STAFF)
                    .orElseThrow(() -> new ForbiddenException(
                            Roles.COMMUNITY_ID,
                            Messages.text("import.token-no-community", caller.describeText()),
                            Roles.COMMUNITY_STAFF + " of a community"));
            if (communityId != null) {
                Access.requireTenant("communityId", communityId, Roles.COMMUNITY_STAFF);
            }
            community = own;
        }
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", Messages.text("import.file-part-required"));
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new InvalidInputException("file", Messages.text("import.upload-unreadable"));
        }
        ImportDraftService.Preview preview =
                drafts.create(caller.subject(), community, file.getOriginalFilename(), bytes);
        return ResponseEntity.created(
                        URI.create("/imports/drafts/" + preview.draft().id()))
                .body(view(preview, rows));
    }

    @GetMapping
    @Operation(summary = "The newest drafts the caller may see (state DRAFT or PUBLISHED), without their rows")
    public List<DraftSummary> recent(@RequestParam(defaultValue = "50") @PositiveOrZero @Max(500) int limit) {
        return drafts.recent(limit).stream()
                .map(d -> new DraftSummary(
                        d.id(),
                        d.fileName(),
                        d.format(),
                        d.communityId(),
                        d.actor(),
                        d.state(),
                        d.importId(),
                        d.total(),
                        d.createdAt(),
                        d.updatedAt()))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "The draft and its preview (rows=all|problems|none)")
    public DraftView get(@PathVariable UUID id, @RequestParam(defaultValue = "all") RowsShown rows) {
        return view(drafts.get(id), rows);
    }

    @PutMapping("/{id}/mapping")
    @Operation(
            summary =
                    "Map columns by hand: {\"<header>\": \"<field>\" | null} (or {\"mapping\": {…}}); headers left out keep their "
                            + "mapping. The preview is read again; the community remembers the choices for its next upload")
    public DraftView map(
            @PathVariable UUID id,
            @RequestBody(required = false) Map<String, Object> body,
            @RequestParam(defaultValue = "all") RowsShown rows) {
        return view(drafts.map(id, unwrap(body, "mapping")), rows);
    }

    @PutMapping("/{id}/rows/{rowNumber}")
    @Operation(
            summary =
                    "Fix a row in place: {\"<field>\": \"<value>\" | null} (or {\"values\": {…}}); null goes back to the file's cell. "
                            + "Answers the row read again")
    public RowView fix(
            @PathVariable UUID id,
            @PathVariable int rowNumber,
            @RequestBody(required = false) Map<String, Object> body) {
        ImportDraftService.Preview preview = drafts.fix(id, rowNumber, unwrap(body, "values"));
        return preview.rows().stream()
                .filter(r -> r.row() == rowNumber)
                .findFirst()
                .map(r -> row(r, preview.layout()))
                .orElseThrow(() -> new InvalidInputException(
                        "rowNumber", Messages.text("import.draft-row-not-found", rowNumber), 404));
    }

    @PostMapping("/{id}/publish")
    @Operation(
            summary =
                    "Publish the draft's good rows through the import worker: 202 and the new import, or 200 and the import this "
                            + "community already made of the same file (nothing published again). Rows that still fail are in /imports/{id}/rejections(.csv)")
    public ResponseEntity<ImportController.ImportView> publish(@PathVariable UUID id) {
        ImportService.Upload upload = drafts.publish(id);
        ImportController.ImportView view = ImportController.ImportView.of(upload.job());
        URI location = URI.create("/imports/" + upload.job().id());
        return upload.created()
                ? ResponseEntity.accepted().location(location).body(view)
                : ResponseEntity.ok().location(location).body(view);
    }

    /** The body as given, or what it wraps under {@code key} (the page may send either). */
    @SuppressWarnings("unchecked")
    private static Map<String, ?> unwrap(Map<String, Object> body, String key) {
        if (body == null) {
            throw new InvalidInputException("body", Messages.text("import.body-required"));
        }
        if (body.size() == 1 && body.get(key) instanceof Map<?, ?> inner) {
            return (Map<String, ?>) inner;
        }
        return body;
    }

    static DraftView view(ImportDraftService.Preview p, RowsShown shown) {
        ImportDraft d = p.draft();
        Map<String, String> mapping = new LinkedHashMap<>();
        List<ColumnView> columns = new ArrayList<>();
        for (int i = 0; i < p.headers().size(); i++) {
            ImportDraft.Column c = p.columns().get(i);
            String header = p.headers().get(i);
            columns.add(
                    new ColumnView(i, header, c == null ? null : c.column().field(), c == null ? null : c.source()));
            if (!mapping.containsKey(header) || c != null) {
                mapping.put(header, c == null ? null : c.column().field());
            }
        }
        List<FieldView> fields = new ArrayList<>();
        for (ImportColumn c : ImportColumn.values()) {
            boolean mapped = p.columns().values().stream().anyMatch(m -> m.column() == c);
            fields.add(new FieldView(
                    c.field(),
                    c.header(ImportColumn.Language.zh),
                    c.header(ImportColumn.Language.en),
                    p.required().contains(c),
                    mapped));
        }
        int ready = (int) p.rows().stream().filter(r -> r.outcome().ok()).count();
        List<RowView> rows = shown == RowsShown.none
                ? List.of()
                : p.rows().stream()
                        .filter(r -> shown == RowsShown.all || !r.outcome().ok())
                        .map(r -> row(r, p.layout()))
                        .toList();
        return new DraftView(
                d.id(),
                d.fileName(),
                d.format(),
                d.sha256(),
                d.communityId(),
                d.state(),
                d.importId(),
                p.duplicateOf(),
                p.headers(),
                mapping,
                columns,
                fields,
                p.unmappedRequired().stream().map(ImportColumn::field).toList(),
                d.total(),
                ready,
                p.rows().size() - ready,
                rows,
                d.createdAt(),
                d.updatedAt());
    }

    static RowView row(ImportDraftService.RowResult r, NeedRowParser.Layout layout) {
        NeedDraft n = r.outcome().checked().draft();
        NeedReferences refs = r.refs();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        put(values, ImportColumn.COMMUNITY, n.communityId());
        if (n.communityId() != null) {
            refs.community(n.communityId()).ifPresent(c -> labels.put(ImportColumn.COMMUNITY.field(), c.name()));
        }
        put(values, ImportColumn.STATION, n.stationId());
        if (n.communityId() != null && n.stationId() != null) {
            refs.stationsServing(n.communityId()).stream()
                    .filter(s -> s.id().equals(n.stationId()))
                    .findFirst()
                    .ifPresent(s -> labels.put(ImportColumn.STATION.field(), s.name()));
        }
        put(values, ImportColumn.GRID, n.gridId());
        if (n.gridId() != null) {
            refs.grid(n.gridId()).ifPresent(g -> labels.put(ImportColumn.GRID.field(), g.name()));
        }
        put(
                values,
                ImportColumn.RESIDENT_NUMBER,
                r.outcome().checked().residentRef()); // the pseudonym, never the internal id
        put(values, ImportColumn.SOURCE, n.source());
        if (n.source() != null) {
            labels.put(ImportColumn.SOURCE.field(), Labels.SOURCE.chinese(n.source()));
        }
        put(values, ImportColumn.CATEGORY, n.category());
        if (n.category() != null) {
            labels.put(ImportColumn.CATEGORY.field(), Labels.CATEGORY.chinese(n.category()));
        }
        put(values, ImportColumn.URGENCY, n.urgency());
        if (n.urgency() != null) {
            labels.put(ImportColumn.URGENCY.field(), Labels.URGENCY.chinese(n.urgency()));
        }
        put(values, ImportColumn.BENEFICIARY_GROUP, n.beneficiaryGroup());
        if (n.beneficiaryGroup() != null) {
            labels.put(ImportColumn.BENEFICIARY_GROUP.field(), Labels.BENEFICIARY_GROUP.chinese(n.beneficiaryGroup()));
        }
        put(values, ImportColumn.BENEFICIARY_COUNT, n.beneficiaryCount());
        put(values, ImportColumn.TITLE, n.title());
        put(
                values,
                ImportColumn.START,
                n.start() == null
                        ? null
                        : n.start().atZone(ZONE).toOffsetDateTime().toString());
        put(
                values,
                ImportColumn.END,
                n.end() == null ? null : n.end().atZone(ZONE).toOffsetDateTime().toString());
        put(values, ImportColumn.QUANTITY, n.quantityAmount());
        put(values, ImportColumn.UNIT, n.quantityUnit());
        if (n.quantityUnit() != null) {
            labels.put(ImportColumn.UNIT.field(), Labels.UNIT.chinese(n.quantityUnit()));
        }
        if (!n.requiredSkills().isEmpty()) {
            values.put(
                    ImportColumn.SKILLS.field(),
                    n.requiredSkills().stream().map(Enum::name).toList());
        }
        if (!n.requiredLanguages().isEmpty()) {
            values.put(ImportColumn.LANGUAGES.field(), n.requiredLanguages());
        }
        put(values, ImportColumn.MINUTES, n.estimatedMinutes());
        put(values, ImportColumn.GEOHASH, n.geohash());
        Map<String, String> cells = new LinkedHashMap<>();
        r.cells().forEach((c, v) -> cells.put(c.field(), v));
        Map<String, String> fieldOfHeader = new LinkedHashMap<>();
        for (ImportColumn c : ImportColumn.values()) {
            fieldOfHeader.putIfAbsent(layout.header(c), c.field());
        }
        List<ProblemView> problems = r.outcome().problems().stream()
                .map(q -> new ProblemView(q.row(), q.column(), fieldOfHeader.get(q.column()), q.reason()))
                .toList();
        return new RowView(r.row(), r.outcome().ok(), values, labels, cells, problems);
    }

    private static void put(Map<String, Object> values, ImportColumn c, Object value) {
        if (value != null) {
            values.put(
                    c.field(), value instanceof Enum<?> e ? e.name() : value instanceof UUID u ? u.toString() : value);
        }
    }
}
