package org.wushe.hub.community.needimport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Drafts of the import wizard, their column mapping and fixed values, and each community's remembered header mapping. */
@Repository
class ImportDraftRepository {

    private static final String COLUMNS =
            "id, community_id, actor, sha256, file_name, format, total_rows, state, job_id, created_at, updated_at";

    /** A fixed value as stored (sealed). */
    record SealedFix(int row, ImportColumn column, byte[] value) {}

    private final JdbcClient jdbc;

    ImportDraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ImportDraft d, byte[] sealedContent) {
        jdbc.sql(
                        "INSERT INTO import_draft (id, community_id, actor, sha256, file_name, format, content_enc, total_rows, "
                                + "state, created_at, updated_at) VALUES (:id, :communityId, :actor, :sha256, :fileName, :format, "
                                + ":content, :total, :state, :createdAt, :updatedAt)")
                .param("id", d.id())
                .param("communityId", d.communityId())
                .param("actor", d.actor())
                .param("sha256", d.sha256())
                .param("fileName", d.fileName())
                .param("format", d.format().name())
                .param("content", sealedContent)
                .param("total", d.total())
                .param("state", d.state().name())
                .param("createdAt", Timestamp.from(d.createdAt()))
                .param("updatedAt", Timestamp.from(d.updatedAt()))
                .update();
    }

    Optional<ImportDraft> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_draft WHERE id = :id")
                .param("id", id)
                .query(ImportDraftRepository::map)
                .optional();
    }

    /** The draft row locked: changes and publishing of one draft queue up. */
    Optional<ImportDraft> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_draft WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(ImportDraftRepository::map)
                .optional();
    }

    /** The newest drafts of these communities, or of all when null. */
    List<ImportDraft> recent(List<UUID> communities, int limit) {
        if (communities == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM import_draft ORDER BY created_at DESC LIMIT :limit")
                    .param("limit", limit)
                    .query(ImportDraftRepository::map)
                    .list();
        }
        if (communities.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM import_draft WHERE community_id IN (:communities) ORDER BY created_at DESC LIMIT :limit")
                .param("communities", communities)
                .param("limit", limit)
                .query(ImportDraftRepository::map)
                .list();
    }

    byte[] content(UUID id) {
        // null once deleted by the retention (ImportRetention)
        return jdbc
                .sql("SELECT content_enc FROM import_draft WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    void touch(UUID id, Instant at) {
        jdbc.sql("UPDATE import_draft SET updated_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void markPublished(UUID id, UUID jobId, Instant at) {
        jdbc.sql("UPDATE import_draft SET state = 'PUBLISHED', job_id = :jobId, updated_at = :at WHERE id = :id")
                .param("jobId", jobId)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** Column position → the field it fills; columns not listed are ignored. */
    Map<Integer, ImportDraft.Column> columns(UUID draftId) {
        Map<Integer, ImportDraft.Column> columns = new TreeMap<>();
        jdbc.sql("SELECT column_index, field, source FROM import_draft_column WHERE draft_id = :draftId")
                .param("draftId", draftId)
                .query(rs -> {
                    int index = rs.getInt(1);
                    ImportDraft.Source source = parseSource(rs.getString(3));
                    ImportColumn.forFieldName(rs.getString(2))
                            .ifPresent(c -> columns.put(index, new ImportDraft.Column(c, source)));
                });
        return columns;
    }

    void replaceColumns(UUID draftId, Map<Integer, ImportDraft.Column> columns) {
        jdbc.sql("DELETE FROM import_draft_column WHERE draft_id = :draftId")
                .param("draftId", draftId)
                .update();
        columns.forEach(
                (index, c) -> jdbc.sql("INSERT INTO import_draft_column (draft_id, column_index, field, source) "
                                + "VALUES (:draftId, :index, :field, :source)")
                        .param("draftId", draftId)
                        .param("index", index)
                        .param("field", c.column().field())
                        .param("source", c.source().name())
                        .update());
    }

    List<SealedFix> fixes(UUID draftId) {
        return jdbc.sql(
                        "SELECT row_number, field, value_enc FROM import_draft_fix WHERE draft_id = :draftId ORDER BY row_number")
                .param("draftId", draftId)
                .query((rs, n) -> new SealedFix(
                        rs.getInt(1), ImportColumn.forFieldName(rs.getString(2)).orElseThrow(), rs.getBytes(3)))
                .list();
    }

    void putFix(UUID draftId, int row, ImportColumn column, byte[] sealed) {
        jdbc.sql(
                        "INSERT INTO import_draft_fix (draft_id, row_number, field, value_enc) VALUES (:draftId, :row, :field, :value) "
                                + "ON CONFLICT (draft_id, row_number, field) DO UPDATE SET value_enc = excluded.value_enc")
                .param("draftId", draftId)
                .param("row", row)
                .param("field", column.field())
                .param("value", sealed)
                .update();
    }

    void removeFix(UUID draftId, int row, ImportColumn column) {
        jdbc.sql("DELETE FROM import_draft_fix WHERE draft_id = :draftId AND row_number = :row AND field = :field")
                .param("draftId", draftId)
                .param("row", row)
                .param("field", column.field())
                .update();
    }

    /** The community's remembered mapping: header key → field ({@code ""}: the header is ignored on purpose). */
    Map<String, String> remembered(UUID communityId) {
        Map<String, String> mapping = new LinkedHashMap<>();
        jdbc.sql("SELECT header_key, field FROM import_header_mapping WHERE community_id = :communityId")
                .param("communityId", communityId)
                .query(rs -> {
                    mapping.put(rs.getString(1), rs.getString(2));
                });
        return mapping;
    }

    void remember(UUID communityId, String headerKey, String field, Instant at) {
        jdbc.sql("INSERT INTO import_header_mapping (community_id, header_key, field, updated_at) "
                        + "VALUES (:communityId, :headerKey, :field, :at) ON CONFLICT (community_id, header_key) "
                        + "DO UPDATE SET field = excluded.field, updated_at = excluded.updated_at")
                .param("communityId", communityId)
                .param("headerKey", headerKey)
                .param("field", field)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static ImportDraft.Source parseSource(String s) {
        try {
            return ImportDraft.Source.valueOf(s);
        } catch (IllegalArgumentException e) {
            return ImportDraft.Source.MANUAL;
        }
    }

    static ImportDraft map(ResultSet rs, int row) throws SQLException {
        return new ImportDraft(
                rs.getObject("id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getString("actor"),
                rs.getString("sha256"),
                rs.getString("file_name"),
                SpreadsheetReader.Format.valueOf(rs.getString("format")),
                rs.getInt("total_rows"),
                ImportDraft.State.valueOf(rs.getString("state")),
                rs.getObject("job_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
