package org.wushe.hub.community.needimport;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of uploaded need lists (PIPL: personal data kept no longer than needed): the stored bytes of a
 * file (sealed, but clerks leave residents' details in columns the hub ignores) are deleted once the file
 * is processed and older than {@code wushe.community.imports.retention} (default 30 days): an import's when
 * it finished that long ago, a draft's when it was last touched that long ago (and its import, if published,
 * finished). The import, its counts and its rejection report stay; a draft's typed fixes go with its file.
 * A draft whose file is gone answers 410 Gone; the same file uploaded again is read afresh.
 */
@Component
class ImportRetention {

    private static final Logger log = LoggerFactory.getLogger(ImportRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    ImportRetention(
            JdbcClient jdbc, Clock clock, @Value("${wushe.community.imports.retention:P30D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${wushe.community.imports.retention-check:PT1H}",
            initialDelayString = "${wushe.community.imports.retention-check:PT1H}")
    void scheduled() {
        deleteExpired();
    }

    /** Deletes the stored files older than the retention; how many (imports and drafts). */
    @Transactional
    public int deleteExpired() {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Timestamp cutoff = Timestamp.from(now.minus(retention));
        int jobs = jdbc.sql(
                        "UPDATE import_job SET content_enc = NULL, content_deleted_at = :at WHERE content_enc IS NOT NULL "
                                + "AND state IN ('COMPLETED', 'FAILED') AND finished_at < :cutoff")
                .param("at", at)
                .param("cutoff", cutoff)
                .update();
        int drafts = jdbc.sql(
                        "UPDATE import_draft d SET content_enc = NULL, content_deleted_at = :at WHERE content_enc IS NOT NULL AND updated_at < :cutoff "
                                + "AND (d.state = 'DRAFT' OR EXISTS (SELECT 1 FROM import_job j WHERE j.id = d.job_id AND j.state IN ('COMPLETED', 'FAILED') "
                                + "AND j.finished_at < :cutoff))")
                .param("at", at)
                .param("cutoff", cutoff)
                .update();
        if (drafts > 0) {
            jdbc.sql(
                            "DELETE FROM import_draft_fix f USING import_draft d WHERE d.id = f.draft_id AND d.content_enc IS NULL "
                                    + "AND NOT EXISTS (SELECT 1 FROM import_job j WHERE j.draft_id = d.id AND j.state NOT IN ('COMPLETED', 'FAILED'))")
                    .update();
        }
        if (jobs + drafts > 0) {
            log.info(
                    "Deleted the stored files of {} imports and {} drafts older than {} (retention)",
                    jobs,
                    drafts,
                    retention);
        }
        return jobs + drafts;
    }
}
