package org.wushe.hub.community.needimport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportRepository {

    private static final String COLUMNS =
            "id, sha256, file_name, format, state, total_rows, processed, published, rejected, last_row_done, "
                    + "actor, community_id, created_at, started_at, finished_at";

    private final JdbcClient jdbc;
    /** JdbcClient has no batches: the same named parameters through the template it wraps. */
    private final NamedParameterJdbcTemplate batch;

    ImportRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.batch = new NamedParameterJdbcTemplate(template);
    }

    /**
     * @param draftId       the draft the job publishes (its mapping and fixed rows), or null for a one-step upload
     * @param namesScreened whether titles are screened for the names of the residents the rows name: only when the
     *                      uploader may see the residents of the job's community
     */
    void insert(ImportJob job, byte[] sealedContent, UUID draftId, boolean namesScreened) {
        jdbc.sql("INSERT INTO import_job (id, sha256, file_name, format, content_enc, state, total_rows, actor, "
                        + "community_id, created_at, draft_id, names_screened) VALUES (:id, :sha256, :fileName, :format, "
                        + ":content, :state, :total, :actor, :communityId, :createdAt, :draftId, :namesScreened)")
                .param("id", job.id())
                .param("sha256", job.sha256())
                .param("fileName", job.fileName())
                .param("format", job.format().name())
                .param("content", sealedContent)
                .param("state", job.state().name())
                .param("total", job.total())
                .param("actor", job.actor())
                .param("communityId", job.communityId())
                .param("createdAt", Timestamp.from(job.createdAt()))
                .param("draftId", draftId)
                .param("namesScreened", namesScreened)
                .update();
    }

    boolean namesScreened(UUID jobId) {
        return jdbc.sql("SELECT names_screened FROM import_job WHERE id = :jobId")
                .param("jobId", jobId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** The draft a job publishes, if it came from the wizard. */
    Optional<UUID> draftOf(UUID jobId) {
        return jdbc.sql("SELECT draft_id FROM import_job WHERE id = :jobId AND draft_id IS NOT NULL")
                .param("jobId", jobId)
                .query(UUID.class)
                .optional();
    }

    Optional<ImportJob> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id = :id")
                .param("id", id)
                .query(ImportRepository::map)
                .optional();
    }

    /** The job row locked: one chunk at a time, whichever instance runs it. */
    Optional<ImportJob> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(ImportRepository::map)
                .optional();
    }

    /** The import of this file for this community (null: the hub admin's imports for any community). */
    Optional<ImportJob> findBySha256(String sha256, UUID communityId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM import_job WHERE sha256 = :sha256 AND community_id IS NOT DISTINCT FROM :communityId")
                .param("sha256", sha256)
                .param("communityId", communityId)
                .query(ImportRepository::map)
                .optional();
    }

    byte[] content(UUID id) {
        return jdbc.sql("SELECT content_enc FROM import_job WHERE id = :id")
                .param("id", id)
                .query(byte[].class)
                .single();
    }

    List<UUID> unfinished() {
        return jdbc.sql("SELECT id FROM import_job WHERE state IN ('QUEUED', 'RUNNING') ORDER BY created_at")
                .query(UUID.class)
                .list();
    }

    List<ImportJob> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job ORDER BY created_at DESC LIMIT :limit")
                .param("limit", limit)
                .query(ImportRepository::map)
                .list();
    }

    /** The newest imports of these communities. */
    List<ImportJob> recentOf(List<UUID> communities, int limit) {
        if (communities.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM import_job WHERE community_id IN (:communities) ORDER BY created_at DESC LIMIT :limit")
                .param("communities", communities)
                .param("limit", limit)
                .query(ImportRepository::map)
                .list();
    }

    void markRunning(UUID id, Instant at) {
        jdbc.sql(
                        "UPDATE import_job SET state = 'RUNNING', started_at = coalesce(started_at, :at) WHERE id = :id AND state = 'QUEUED'")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void markFailed(UUID id, Instant at) {
        jdbc.sql("UPDATE import_job SET state = 'FAILED', finished_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void progress(
            UUID id,
            int processed,
            int lastRowDone,
            int published,
            int rejected,
            ImportJob.State state,
            Instant finishedAt) {
        jdbc.sql("UPDATE import_job SET processed = :processed, last_row_done = :lastRowDone, published = :published, "
                        + "rejected = :rejected, state = :state, finished_at = :finishedAt WHERE id = :id")
                .param("processed", processed)
                .param("lastRowDone", lastRowDone)
                .param("published", published)
                .param("rejected", rejected)
                .param("state", state.name())
                .param("finishedAt", finishedAt == null ? null : Timestamp.from(finishedAt))
                .param("id", id)
                .update();
    }

    void insertRejections(UUID jobId, List<NeedRowParser.RowProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        int[] seq = {0};
        int[] lastRow = {-1};
        batch.batchUpdate(
                "INSERT INTO import_rejection (job_id, row_number, seq, column_name, reason) "
                        + "VALUES (:jobId, :row, :seq, :column, :reason)",
                problems.stream()
                        .map(p -> {
                            seq[0] = p.row() == lastRow[0] ? seq[0] + 1 : 1;
                            lastRow[0] = p.row();
                            return new MapSqlParameterSource()
                                    .addValue("jobId", jobId)
                                    .addValue("row", p.row())
                                    .addValue("seq", seq[0])
                                    .addValue("column", truncate(p.column(), 100))
                                    .addValue("reason", truncate(p.reason(), 300));
                        })
                        .toArray(SqlParameterSource[]::new));
    }

    List<NeedRowParser.RowProblem> rejections(UUID jobId, int offset, int limit) {
        return jdbc.sql(
                        "SELECT row_number, column_name, reason FROM import_rejection WHERE job_id = :jobId ORDER BY row_number, seq OFFSET :offset LIMIT :limit")
                .param("jobId", jobId)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new NeedRowParser.RowProblem(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    static ImportJob map(ResultSet rs, int row) throws SQLException {
        Timestamp started = rs.getTimestamp("started_at");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(
                rs.getObject("id", UUID.class),
                rs.getString("sha256"),
                rs.getString("file_name"),
                SpreadsheetReader.Format.valueOf(rs.getString("format")),
                ImportJob.State.valueOf(rs.getString("state")),
                rs.getInt("total_rows"),
                rs.getInt("processed"),
                rs.getInt("published"),
                rs.getInt("rejected"),
                rs.getInt("last_row_done"),
                rs.getString("actor"),
                rs.getObject("community_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                started == null ? null : started.toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
