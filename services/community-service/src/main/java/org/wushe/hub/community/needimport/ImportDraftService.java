package org.wushe.hub.community.needimport;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.community.community.CommunityService;
import org.wushe.hub.community.need.NeedReferences;
import org.wushe.hub.community.need.NeedService;
import org.wushe.hub.community.resident.ResidentCipher;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * The import wizard (导入向导): an upload becomes a draft that publishes nothing yet. Its columns are
 * mapped to need fields from the words clerks use, or as the community mapped the same headers before,
 * or by hand; its values are normalised (urgency words, dates and digits as people type them, a unit
 * written after the amount, the community of the uploader, the station the community decides); every
 * row is previewed with its problems; a row may be fixed in place. Publishing hands the draft to the
 * import worker as an {@link ImportJob}, which publishes the good rows exactly as a one-step upload
 * does (needs and NeedPublished events in the same chunk transactions) and reports the others. The
 * same file published before for the same community is that import again, and publishes nothing.
 */
@Service
public class ImportDraftService {

    private static final Pattern FORMULA = Pattern.compile("^([=@]|[+\\-][^\\d\\s.,])");
    private static final int MAX_VALUE = 2000;

    /** A draft as the wizard shows it: its mapping, the required fields no column fills, and every row read. */
    public record Preview(
            ImportDraft draft,
            List<String> headers,
            Map<Integer, ImportDraft.Column> columns,
            List<ImportColumn> required,
            List<ImportColumn> unmappedRequired,
            NeedRowParser.Layout layout,
            List<RowResult> rows,
            UUID duplicateOf) {}

    /** One row read: its outcome (the need as it would be published, or its problems) and its cells by field. */
    public record RowResult(
            int row, RowResolver.Outcome outcome, Map<ImportColumn, String> cells, NeedReferences refs) {}

    private final ImportDraftRepository drafts;
    private final ImportRepository jobs;
    private final ImportWorker worker;
    private final NeedService needs;
    private final CommunityService communities;
    private final ResidentCipher cipher;
    private final ImportProperties properties;
    private final ImportAccess access;
    private final TransactionTemplate tx;
    private final Clock clock;

    ImportDraftService(
            ImportDraftRepository drafts,
            ImportRepository jobs,
            ImportWorker worker,
            NeedService needs,
            CommunityService communities,
            ResidentCipher cipher,
            ImportProperties properties,
            ImportAccess access,
            PlatformTransactionManager tm,
            Clock clock) {
        this.drafts = drafts;
        this.jobs = jobs;
        this.worker = worker;
        this.needs = needs;
        this.communities = communities;
        this.cipher = cipher;
        this.properties = properties;
        this.access = access;
        this.tx = new TransactionTemplate(tm);
        this.clock = clock;
    }

    /**
     * Reads the upload and keeps it as a draft, its columns mapped automatically.
     *
     * @param communityId the community whose rows it holds (the uploader's own, or the hub admin's choice), or null for rows naming theirs
     */
    public Preview create(String actor, UUID communityId, String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", Messages.text("import.file-required"));
        }
        if (bytes.length > properties.maxFileSize().toBytes()) {
            throw new InvalidInputException(
                    "file",
                    Messages.text(
                            "import.file-too-large", properties.maxFileSize().toMegabytes()),
                    413);
        }
        if (communityId != null && communities.find(communityId).isEmpty()) {
            throw new InvalidInputException("communityId", Messages.text("community.not-found", communityId), 404);
        }
        SpreadsheetReader.Format format;
        SpreadsheetReader.Sheet sheet;
        try {
            format = SpreadsheetReader.detect(fileName, bytes);
            sheet = new SpreadsheetReader(properties.maxRows()).read(bytes, format);
        } catch (SpreadsheetRejected e) {
            throw new InvalidInputException("file", e.getMessage(), e.status());
        }
        if (sheet.rows().isEmpty()) {
            throw new InvalidInputException("file", Messages.text("import.no-rows"));
        }
        Map<String, String> remembered = communityId == null ? Map.of() : drafts.remembered(communityId);
        Map<Integer, ImportDraft.Column> columns = DraftPlan.autoMap(sheet.headers(), remembered);
        String name = fileName == null || fileName.isBlank()
                ? "need-list." + format.name().toLowerCase()
                : fileName.strip();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ImportDraft draft = new ImportDraft(
                UUID.randomUUID(),
                communityId,
                actor,
                ImportService.sha256(bytes),
                name.length() > 255 ? name.substring(0, 255) : name,
                format,
                sheet.rows().size(),
                ImportDraft.State.DRAFT,
                null,
                now,
                now);
        tx.executeWithoutResult(s -> {
            drafts.insert(draft, cipher.encrypt(bytes, context(draft.id())));
            drafts.replaceColumns(draft.id(), columns);
        });
        return preview(draft, sheet);
    }

    /** The draft and its preview, for those who may see its community's imports. */
    public Preview get(UUID id) {
        ImportDraft d = find(id);
        access.requireRead("id", d.communityId());
        return preview(d, null);
    }

    /** The newest drafts the caller may see (its community's; its centre's communities'; all for the hub admin). */
    public List<ImportDraft> recent(int limit) {
        return drafts.recent(access.visibleCommunities("GET /imports/drafts").orElse(null), limit);
    }

    /**
     * Maps headers to fields by hand ({@code header → field}, null or blank: ignore the column); headers
     * left out keep their mapping. The community remembers each choice for its next upload.
     */
    public Preview map(UUID id, Map<String, ?> mapping) {
        ImportDraft draft = tx.execute(s -> {
            ImportDraft d = lockForChange(id);
            SpreadsheetReader.Sheet sheet = sheet(d);
            Map<Integer, ImportDraft.Column> columns = new TreeMap<>(drafts.columns(id));
            Map<String, String> choices = new LinkedHashMap<>();
            for (Map.Entry<String, ?> e : mapping.entrySet()) {
                String header = e.getKey();
                String where = "mapping." + header;
                Object value = e.getValue();
                if (value != null && !(value instanceof String)) {
                    throw new InvalidInputException(where, Messages.text("import.mapping-not-a-name"));
                }
                String text = value == null ? "" : ((String) value).strip();
                ImportColumn column = null;
                if (!text.isEmpty() && !text.equalsIgnoreCase("ignore")) {
                    column = ImportColumn.forFieldName(text)
                            .orElseThrow(() -> new InvalidInputException(
                                    where, Messages.text("import.unknown-field", fieldNames())));
                }
                List<Integer> at = new ArrayList<>();
                for (int i = 0; i < sheet.headers().size(); i++) {
                    if (sheet.headers().get(i).equals(SpreadsheetReader.clean(header))) { // as read: NFKC, trimmed
                        at.add(i);
                    }
                }
                if (at.isEmpty()) {
                    throw new InvalidInputException(where, Messages.text("import.no-such-column"));
                }
                for (int i : at) {
                    if (column == null) {
                        columns.remove(i);
                    } else {
                        columns.put(i, new ImportDraft.Column(column, ImportDraft.Source.MANUAL));
                    }
                }
                choices.put(header, column == null ? "" : column.field());
            }
            Map<ImportColumn, Integer> seen = new EnumMap<>(ImportColumn.class);
            for (Map.Entry<Integer, ImportDraft.Column> e : columns.entrySet()) {
                Integer before = seen.put(e.getValue().column(), e.getKey());
                if (before != null) {
                    throw new InvalidInputException(
                            "mapping." + sheet.headers().get(e.getKey()),
                            Messages.text(
                                    "import.mapping-twice",
                                    sheet.headers().get(before).strip(),
                                    sheet.headers().get(e.getKey()).strip(),
                                    e.getValue().column().field()),
                            400);
                }
            }
            drafts.replaceColumns(id, columns);
            if (d.communityId() != null) {
                Instant now = clock.instant();
                choices.forEach((header, field) ->
                        drafts.remember(d.communityId(), truncate(ImportColumn.key(header), 200), field, now));
            }
            drafts.touch(id, clock.instant());
            return d;
        });
        return preview(draft, null);
    }

    /** Sets values of one row in place ({@code field → value}; null: back to the file's cell) and reads the row again. */
    public Preview fix(UUID id, int rowNumber, Map<String, ?> values) {
        ImportDraft draft = tx.execute(s -> {
            ImportDraft d = lockForChange(id);
            SpreadsheetReader.Sheet sheet = sheet(d);
            if (sheet.rows().stream().noneMatch(r -> r.number() == rowNumber)) {
                throw new InvalidInputException("rowNumber", Messages.text("import.draft-no-row", rowNumber), 404);
            }
            if (values.isEmpty()) {
                throw new InvalidInputException("body", Messages.text("import.fix-values-required"));
            }
            for (Map.Entry<String, ?> e : values.entrySet()) {
                ImportColumn column = ImportColumn.forFieldName(e.getKey())
                        .orElseThrow(() -> new InvalidInputException(
                                e.getKey(), Messages.text("import.unknown-field", fieldNames())));
                Object value = e.getValue();
                if (value == null) {
                    drafts.removeFix(id, rowNumber, column);
                    continue;
                }
                if (!(value instanceof String) && !(value instanceof Number)) {
                    throw new InvalidInputException(e.getKey(), Messages.text("import.fix-not-text"));
                }
                String raw = value.toString();
                if (raw.length() > MAX_VALUE) {
                    throw new InvalidInputException(e.getKey(), Messages.text("import.fix-too-long", MAX_VALUE));
                }
                String text = SpreadsheetReader.clean(raw);
                if (FORMULA.matcher(text).find()) {
                    throw new InvalidInputException(e.getKey(), Messages.text("import.fix-formula"));
                }
                drafts.putFix(id, rowNumber, column, cipher.encrypt(text, fixContext(id, rowNumber, column)));
            }
            drafts.touch(id, clock.instant());
            return d;
        });
        return preview(draft, null);
    }

    /**
     * Publishes the draft: an import job runs it through the worker with the draft's mapping and fixes.
     * A draft published before, or a file this community imported before, answers that import and
     * publishes nothing.
     */
    public ImportService.Upload publish(UUID id) {
        UUID[] submit = {null};
        ImportService.Upload upload;
        try {
            upload = tx.execute(s -> {
                ImportDraft d = drafts.lock(id).orElseThrow(() -> notFound(id));
                access.requireWrite("id", d.communityId());
                if (d.state() == ImportDraft.State.PUBLISHED) {
                    return new ImportService.Upload(jobs.find(d.importId()).orElseThrow(), false);
                }
                Map<Integer, ImportDraft.Column> columns = drafts.columns(id);
                List<ImportColumn> missing = unmapped(columns, d.communityId() != null);
                if (!missing.isEmpty()) {
                    throw new InvalidInputException(
                            "mapping",
                            Messages.text(
                                    "import.required-unmapped",
                                    missing.stream()
                                            .map(c -> c.field() + " " + c.header(ImportColumn.Language.zh))
                                            .toList(),
                                    id));
                }
                Optional<ImportJob> earlier = jobs.findBySha256(d.sha256(), d.communityId());
                if (earlier.isPresent()) {
                    drafts.markPublished(id, earlier.get().id(), clock.instant());
                    return new ImportService.Upload(earlier.get(), false);
                }
                byte[] content = cipher.decrypt(contentOf(id), context(id));
                ImportJob job = new ImportJob(
                        UUID.randomUUID(),
                        d.sha256(),
                        d.fileName(),
                        d.format(),
                        ImportJob.State.QUEUED,
                        d.total(),
                        0,
                        0,
                        0,
                        0,
                        d.actor(),
                        d.communityId(),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        null,
                        null);
                jobs.insert(
                        job,
                        cipher.encrypt(content, ImportService.context(job.id())),
                        id,
                        needs.callerSeesResidentsOf(d.communityId()));
                drafts.markPublished(id, job.id(), clock.instant());
                if (d.communityId() != null) {
                    SpreadsheetReader.Sheet sheet =
                            new SpreadsheetReader(properties.maxRows()).read(content, d.format());
                    Instant now = clock.instant();
                    columns.forEach((i, c) -> drafts.remember(
                            d.communityId(),
                            truncate(ImportColumn.key(sheet.headers().get(i)), 200),
                            c.column().field(),
                            now));
                }
                submit[0] = job.id();
                return new ImportService.Upload(job, true);
            });
        } catch (DuplicateKeyException raced) {
            // Another draft of the same file was published at the same moment: this one is that import.
            upload = tx.execute(s -> {
                ImportDraft d = drafts.lock(id).orElseThrow(() -> notFound(id));
                ImportJob earlier =
                        jobs.findBySha256(d.sha256(), d.communityId()).orElseThrow();
                drafts.markPublished(id, earlier.id(), clock.instant());
                return new ImportService.Upload(earlier, false);
            });
        }
        if (submit[0] != null) {
            worker.submit(submit[0]);
        }
        return upload;
    }

    /** Drafts read leniently: the community of the draft when a row names none, a start of now, units by category. */
    static NeedRowParser.Options options(UUID communityId, Instant now) {
        return new NeedRowParser.Options(communityId != null, now.truncatedTo(ChronoUnit.MINUTES), true);
    }

    private Preview preview(ImportDraft d, SpreadsheetReader.Sheet read) {
        SpreadsheetReader.Sheet sheet = read != null ? read : sheet(d);
        Map<Integer, ImportDraft.Column> columns = drafts.columns(d.id());
        DraftPlan.Plan plan = DraftPlan.of(sheet.headers(), sheet.rows(), columns, fixes(drafts, cipher, d.id()));
        NeedReferences refs = needs.references();
        RowResolver resolver =
                new RowResolver(needs, refs, plan.layout(), d.communityId(), options(d.communityId(), clock.instant()));
        List<RowResult> rows = new ArrayList<>(plan.rows().size());
        for (SpreadsheetReader.SheetRow row : plan.rows()) {
            Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
            for (ImportColumn c : ImportColumn.values()) {
                String v = row.cell(plan.layout().index().get(c));
                if (!v.isBlank()) {
                    cells.put(c, v);
                }
            }
            rows.add(new RowResult(row.number(), resolver.resolve(row), cells, refs));
        }
        UUID duplicateOf = d.state() == ImportDraft.State.DRAFT
                ? jobs.findBySha256(d.sha256(), d.communityId())
                        .map(ImportJob::id)
                        .orElse(null)
                : null;
        return new Preview(
                d,
                sheet.headers(),
                columns,
                DraftPlan.required(d.communityId() != null),
                unmapped(columns, d.communityId() != null),
                plan.layout(),
                rows,
                duplicateOf);
    }

    private static List<ImportColumn> unmapped(Map<Integer, ImportDraft.Column> columns, boolean communityImplied) {
        List<ImportColumn> missing = new ArrayList<>(DraftPlan.required(communityImplied));
        columns.values().forEach(c -> missing.remove(c.column()));
        return missing;
    }

    /** A draft's fixed values, unsealed: row number → field → value. */
    static Map<Integer, Map<ImportColumn, String>> fixes(
            ImportDraftRepository drafts, ResidentCipher cipher, UUID draftId) {
        Map<Integer, Map<ImportColumn, String>> fixes = new HashMap<>();
        for (ImportDraftRepository.SealedFix f : drafts.fixes(draftId)) {
            fixes.computeIfAbsent(f.row(), r -> new EnumMap<>(ImportColumn.class))
                    .put(f.column(), cipher.decryptText(f.value(), fixContext(draftId, f.row(), f.column())));
        }
        return fixes;
    }

    /** The draft's stored file; 410 Gone naming {@code id} once the retention deleted it. */
    private byte[] contentOf(UUID id) {
        byte[] sealed = drafts.content(id);
        if (sealed == null) {
            throw new InvalidInputException("id", Messages.text("import.draft-file-deleted"), 410);
        }
        return sealed;
    }

    private SpreadsheetReader.Sheet sheet(ImportDraft d) {
        byte[] content = cipher.decrypt(contentOf(d.id()), context(d.id()));
        return new SpreadsheetReader(properties.maxRows()).read(content, d.format());
    }

    private ImportDraft find(UUID id) {
        return drafts.find(id).orElseThrow(() -> notFound(id));
    }

    /** The draft locked for a change by its community's staff (or the hub admin); a published draft is final (409). */
    private ImportDraft lockForChange(UUID id) {
        ImportDraft d = drafts.lock(id).orElseThrow(() -> notFound(id));
        access.requireWrite("id", d.communityId());
        if (d.state() == ImportDraft.State.PUBLISHED) {
            throw new InvalidInputException("id", Messages.text("import.draft-published", d.importId()), 409);
        }
        return d;
    }

    private static InvalidInputException notFound(UUID id) {
        return new InvalidInputException("id", Messages.text("import.draft-not-found", id), 404);
    }

    private static String fieldNames() {
        List<String> names = new ArrayList<>();
        for (ImportColumn c : ImportColumn.values()) {
            names.add(c.field());
        }
        return String.join(", ", names);
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** Associated data binding a draft's stored file to its draft. */
    static String context(UUID draftId) {
        return "import-draft/" + draftId + "/content";
    }

    static String fixContext(UUID draftId, int row, ImportColumn column) {
        return "import-draft/" + draftId + "/row/" + row + "/" + column.field();
    }
}
