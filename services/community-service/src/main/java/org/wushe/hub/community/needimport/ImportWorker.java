package org.wushe.hub.community.needimport;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.community.need.Need;
import org.wushe.hub.community.need.NeedReferences;
import org.wushe.hub.community.need.NeedService;
import org.wushe.hub.community.resident.ResidentCipher;

/**
 * Imports need lists in the background, a chunk of rows per transaction: the chunk's needs, their
 * NeedPublished events, its rejected rows and the job's progress commit together. A service killed
 * midway loses at most the chunk it was in (rolled back); on start it resumes every unfinished job
 * from its last committed row, so every good row is published exactly once.
 */
@Component
public class ImportWorker implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportRepository jobs;
    private final ImportDraftRepository drafts;
    private final NeedService needs;
    private final ResidentCipher cipher;
    private final ImportProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "need-import");
        t.setDaemon(true);
        return t;
    });
    private final Set<UUID> scheduled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopping;

    ImportWorker(
            ImportRepository jobs,
            ImportDraftRepository drafts,
            NeedService needs,
            ResidentCipher cipher,
            ImportProperties properties,
            PlatformTransactionManager tm,
            Clock clock,
            MeterRegistry meters) {
        this.jobs = jobs;
        this.drafts = drafts;
        this.needs = needs;
        this.cipher = cipher;
        this.properties = properties;
        this.tx = new TransactionTemplate(tm);
        this.clock = clock;
        this.meters = meters;
    }

    /** Resumes the imports a previous run left unfinished. */
    @Override
    public void run(ApplicationArguments args) {
        List<UUID> unfinished = jobs.unfinished();
        if (!unfinished.isEmpty()) {
            log.info("Resuming {} unfinished need-list import(s)", unfinished.size());
        }
        unfinished.forEach(this::submit);
    }

    public void submit(UUID jobId) {
        if (stopping || !scheduled.add(jobId)) {
            return;
        }
        running.incrementAndGet();
        executor.execute(() -> {
            try {
                process(jobId);
            } catch (SimulatedCrash crash) {
                log.warn("Import {} halted inside a chunk (test hook wushe.community.import.halt-after-chunks)", jobId);
            } catch (RuntimeException e) {
                log.error("Import {} failed", jobId, e);
                jobs.markFailed(jobId, clock.instant());
            } finally {
                scheduled.remove(jobId);
                running.decrementAndGet();
            }
        });
    }

    /** Whether no import is queued or running in this instance. */
    public boolean idle() {
        return running.get() == 0;
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    private void process(UUID jobId) {
        ImportJob job = jobs.find(jobId).orElse(null);
        if (job == null || job.finished()) {
            return;
        }
        byte[] content = cipher.decrypt(jobs.content(jobId), ImportService.context(jobId));
        SpreadsheetReader.Sheet read = new SpreadsheetReader(properties.maxRows()).read(content, job.format());
        // A draft of the wizard: its columns as mapped and its values as fixed, read leniently; else the file as it is.
        Optional<UUID> draft = jobs.draftOf(jobId);
        SpreadsheetReader.Sheet sheet;
        NeedRowParser.Layout layout;
        if (draft.isPresent()) {
            DraftPlan.Plan plan = DraftPlan.of(
                    read.headers(),
                    read.rows(),
                    drafts.columns(draft.get()),
                    ImportDraftService.fixes(drafts, cipher, draft.get()));
            sheet = new SpreadsheetReader.Sheet(read.headers(), plan.rows());
            layout = plan.layout();
        } else {
            sheet = read;
            layout = NeedRowParser.layout(sheet.headers());
        }
        boolean lenient = draft.isPresent();
        if (sheet.rows().size() != job.total()) {
            throw new IllegalStateException(
                    "import " + jobId + " has " + sheet.rows().size() + " rows, expected " + job.total());
        }
        jobs.markRunning(jobId, clock.instant());
        int chunks = 0;
        while (!stopping) {
            int chunk = chunks;
            Boolean more = tx.execute(s -> chunk(jobId, sheet, layout, lenient, chunk));
            if (!Boolean.TRUE.equals(more)) {
                break;
            }
            chunks++;
        }
    }

    /** One chunk in one transaction; false when the job is complete. */
    private boolean chunk(
            UUID jobId, SpreadsheetReader.Sheet sheet, NeedRowParser.Layout layout, boolean lenient, int chunkNumber) {
        ImportJob job = jobs.lock(jobId).orElseThrow();
        if (job.finished()) {
            return false;
        }
        int from = job.processed();
        int to = Math.min(from + properties.chunkSize(), job.total());
        // The titles are screened for the names of the residents of the job's community only when its uploader
        // may see them (no caller here: the worker runs in the background).
        UUID screened = jobs.namesScreened(jobId) ? job.communityId() : null;
        NeedReferences refs = needs.references(c -> c != null && c.equals(screened));
        RowResolver resolver = new RowResolver(
                needs,
                refs,
                layout,
                job.communityId(),
                lenient
                        ? ImportDraftService.options(job.communityId(), clock.instant())
                        : NeedRowParser.Options.STRICT);
        List<NeedService.Checked> good = new ArrayList<>();
        List<Need.Origin> origins = new ArrayList<>();
        List<NeedRowParser.RowProblem> problems = new ArrayList<>();
        int rejected = 0;
        for (SpreadsheetReader.SheetRow row : sheet.rows().subList(from, to)) {
            RowResolver.Outcome outcome = resolver.resolve(row);
            if (outcome.ok()) {
                good.add(outcome.checked());
                origins.add(Need.Origin.imported(jobId, row.number()));
            } else {
                problems.addAll(outcome.problems());
                rejected++;
            }
        }
        if (!good.isEmpty()) {
            needs.publishChecked(good, origins, refs);
        }
        jobs.insertRejections(jobId, problems);
        if (properties.haltAfterChunks() != null && chunkNumber >= properties.haltAfterChunks()) {
            stopping = true;
            throw new SimulatedCrash(); // rolls this chunk back, as a kill -9 here would
        }
        boolean complete = to >= job.total();
        Instant now = clock.instant();
        int lastRow = to > 0 ? sheet.rows().get(to - 1).number() : 0;
        jobs.progress(
                jobId,
                to,
                lastRow,
                job.published() + good.size(),
                job.rejected() + rejected,
                complete ? ImportJob.State.COMPLETED : ImportJob.State.RUNNING,
                complete ? now : null);
        meters.counter("wushe.community.import.rows", "outcome", "published").increment(good.size());
        meters.counter("wushe.community.import.rows", "outcome", "rejected").increment(rejected);
        if (complete) {
            log.info(
                    "Import {} complete: {} rows, {} published, {} rejected",
                    jobId,
                    job.total(),
                    job.published() + good.size(),
                    job.rejected() + rejected);
        }
        return !complete;
    }

    /** The test hook's stand-in for a process killed in the middle of a chunk. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }
}
