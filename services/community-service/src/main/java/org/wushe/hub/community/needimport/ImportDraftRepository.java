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
                        "INSERT INTO import_draft (id, community_id, actor, sha256, file_name, format, content_enc, total_rows, state, created_at, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        d.id(),
                        d.communityId(),
                        d.actor(),
                        d.sha256(),
                        d.fileName(),
                        d.format().name(),
                        sealedContent,
                        d.total(),
                        d.state().name(),
                        Timestamp.from(d.createdAt()),
                        Timestamp.from(d.updatedAt()))
                .update();
    }

    Optional<ImportDraft> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_draft WHERE id = ?")
                .param(id)
                .query(ImportDraftRepository::map)
                .optional();
    }

    /** The draft row locked: changes and publishing of one draft queue up. */
    Optional<ImportDraft> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_draft WHERE id = ? FOR UPDATE")
                .param(id)
                .query(ImportDraftRepository::map)
                .optional();
    }

    /** The newest drafts of these communities, or of all when null. */
    List<ImportDraft> recent(List<UUID> communities, int limit) {
        if (communities == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM import_draft ORDER BY created_at DESC LIMIT ?")
                    .param(limit)
                    .query(ImportDraftRepository::map)
                    .list();
        }
        if (communities.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(communities.size(), "?"));
        List<Object> params = new java.util.ArrayList<>(communities);
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_draft WHERE community_id IN (" + in
                        + ") ORDER BY created_at DESC LIMIT ?")
                .params(params)
                .query(ImportDraftRepository::map)
                .list();
    }

    byte[] content(UUID id) {
        // null once deleted by the retention (ImportRetention)
        return jdbc
                .sql("SELECT content_enc FROM import_draft WHERE id = ?")
                .param(id)
                .query((rs, n) -> rs.getBytes(1))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    void touch(UUID id, Instant at) {
        jdbc.sql("UPDATE import_draft SET updated_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    void markPublished(UUID id, UUID jobId, Instant at) {
        jdbc.sql("UPDATE import_draft SET state = 'PUBLISHED', job_id = ?, updated_at = ? WHERE id = ?")
                .params(jobId, Timestamp.from(at), id)
                .update();
    }

    /** Column position → the field it fills; columns not listed are ignored. */
    Map<Integer, ImportDraft.Column> columns(UUID draftId) {
        Map<Integer, ImportDraft.Column> columns = new TreeMap<>();
        jdbc.sql("SELECT column_index, field, source FROM import_draft_column WHERE draft_id = ?")
                .param(draftId)
                .query(rs -> {
                    int index = rs.getInt(1);
                    ImportDraft.Source source = parseSource(rs.getString(3));
                    ImportColumn.forFieldName(rs.getString(2))
                            .ifPresent(c -> columns.put(index, new ImportDraft.Column(c, source)));
                });
        return columns;
    }

    void replaceColumns(UUID draftId, Map<Integer, ImportDraft.Column> columns) {
        jdbc.sql("DELETE FROM import_draft_column WHERE draft_id = ?")
                .param(draftId)
                .update();
        columns.forEach((index, c) -> jdbc.sql(
                        "INSERT INTO import_draft_column (draft_id, column_index, field, source) VALUES (?, ?, ?, ?)")
                .params(draftId, index, c.column().field(), c.source().name())
                .update());
    }

    List<SealedFix> fixes(UUID draftId) {
        return jdbc.sql(
                        "SELECT row_number, field, value_enc FROM import_draft_fix WHERE draft_id = ? ORDER BY row_number")
                .param(draftId)
                .query((rs, n) -> new SealedFix(
                        rs.getInt(1), ImportColumn.forFieldName(rs.getString(2)).orElseThrow(), rs.getBytes(3)))
                .list();
    }

    void putFix(UUID draftId, int row, ImportColumn column, byte[] sealed) {
        jdbc.sql("INSERT INTO import_draft_fix (draft_id, row_number, field, value_enc) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (draft_id, row_number, field) DO UPDATE SET value_enc = excluded.value_enc")
                .params(draftId, row, column.field(), sealed)
                .update();
    }

    void removeFix(UUID draftId, int row, ImportColumn column) {
        jdbc.sql("DELETE FROM import_draft_fix WHERE draft_id = ? AND row_number = ? AND field = ?")
                .params(draftId, row, column.field())
                .update();
    }

    /** The community's remembered mapping: header key → field ({@code ""}: the header is ignored on purpose). */
    Map<String, String> remembered(UUID communityId) {
        Map<String, String> mapping = new LinkedHashMap<>();
        jdbc.sql("SELECT header_key, field FROM import_header_mapping WHERE community_id = ?")
                .param(communityId)
                .query(rs -> {
                    mapping.put(rs.getString(1), rs.getString(2));
                });
        return mapping;
    }

    void remember(UUID communityId, String headerKey, String field, Instant at) {
        jdbc.sql(
                        "INSERT INTO import_header_mapping (community_id, header_key, field, updated_at) VALUES (?, ?, ?, ?) "
                                + "ON CONFLICT (community_id, header_key) DO UPDATE SET field = excluded.field, updated_at = excluded.updated_at")
                .params(communityId, headerKey, field, Timestamp.from(at))
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
