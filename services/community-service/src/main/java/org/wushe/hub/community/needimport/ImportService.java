package org.wushe.hub.community.needimport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.wushe.hub.community.need.NeedService;
import org.wushe.hub.community.resident.ResidentCipher;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Accepts a need list: the file is checked as a whole (format, size, formulas, zip bombs, row cap,
 * required columns) before anything is stored; then the file and its job are stored and the worker
 * imports the rows. The SHA-256 of the bytes identifies a file within a community: the same file again
 * for the same community (or again by the hub admin, for any) returns the same import and publishes
 * nothing again; the same bytes uploaded by another community are that community's own import.
 */
@Service
public class ImportService {

    /** The import, and whether this upload created it (false: the same file came before). */
    public record Upload(ImportJob job, boolean created) {}

    private final ImportRepository jobs;
    private final ImportWorker worker;
    private final ResidentCipher cipher;
    private final ImportProperties properties;
    private final Clock clock;
    private final NeedService needs;

    public ImportService(
            ImportRepository jobs,
            ImportWorker worker,
            ResidentCipher cipher,
            ImportProperties properties,
            Clock clock,
            NeedService needs) {
        this.needs = needs;
        this.jobs = jobs;
        this.worker = worker;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param communityId the only community whose rows the import may publish (the uploader is its
     *                    staff), or null for any (the hub admin)
     */
    public Upload upload(String actor, UUID communityId, String fileName, byte[] bytes) {
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
        String sha256 = sha256(bytes);
        var existing = jobs.findBySha256(sha256, communityId);
        if (existing.isPresent()) {
            return new Upload(existing.get(), false);
        }
        SpreadsheetReader.Format format;
        SpreadsheetReader.Sheet sheet;
        try {
            format = SpreadsheetReader.detect(fileName, bytes);
            sheet = new SpreadsheetReader(properties.maxRows()).read(bytes, format);
            NeedRowParser.layout(sheet.headers());
        } catch (SpreadsheetRejected e) {
            throw new InvalidInputException("file", e.getMessage(), e.status());
        }
        if (sheet.rows().isEmpty()) {
            throw new InvalidInputException("file", Messages.text("import.no-rows"));
        }
        String name = fileName == null || fileName.isBlank()
                ? "need-list." + format.name().toLowerCase()
                : fileName.strip();
        ImportJob job = new ImportJob(
                UUID.randomUUID(),
                sha256,
                name.length() > 255 ? name.substring(0, 255) : name,
                format,
                ImportJob.State.QUEUED,
                sheet.rows().size(),
                0,
                0,
                0,
                0,
                actor,
                communityId,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                null,
                null);
        try {
            jobs.insert(job, cipher.encrypt(bytes, context(job.id())), null, needs.callerSeesResidentsOf(communityId));
        } catch (DuplicateKeyException raced) {
            return new Upload(jobs.findBySha256(sha256, communityId).orElseThrow(), false);
        }
        worker.submit(job.id());
        return new Upload(job, true);
    }

    public ImportJob get(UUID id) {
        return jobs.find(id)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("import.not-found", id), 404));
    }

    public List<ImportJob> recent(int limit) {
        return jobs.recent(limit);
    }

    /** The newest imports of these communities. */
    public List<ImportJob> recentOf(List<UUID> communities, int limit) {
        return jobs.recentOf(communities, limit);
    }

    public List<NeedRowParser.RowProblem> rejections(UUID id, int offset, int limit) {
        get(id);
        return jobs.rejections(id, offset, limit);
    }

    /** Associated data binding a stored file to its import. */
    static String context(UUID jobId) {
        return "import/" + jobId + "/content";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
