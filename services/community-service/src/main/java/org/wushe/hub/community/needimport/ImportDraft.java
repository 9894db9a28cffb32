package org.wushe.hub.community.needimport;

import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded need list not published yet (the import wizard): the file (sealed), which need field
 * each column fills, and the values fixed in place are kept with it. Publishing makes it an
 * {@link ImportJob} ({@code importId}); the same file published before for the same community is
 * that earlier import, and nothing is published again.
 *
 * @param communityId the community its rows are for (community staff's own; the hub admin's choice), or
 *                    null: the hub admin's upload whose rows name their communities
 */
public record ImportDraft(
        UUID id,
        UUID communityId,
        String actor,
        String sha256,
        String fileName,
        SpreadsheetReader.Format format,
        int total,
        State state,
        UUID importId,
        Instant createdAt,
        Instant updatedAt) {

    public enum State {
        DRAFT,
        PUBLISHED
    }

    /** How a column came to be mapped: a header clerks write (synonym), this community's earlier choice, or by hand now. */
    public enum Source {
        SYNONYM,
        REMEMBERED,
        MANUAL
    }

    /** A mapped column. */
    public record Column(ImportColumn column, Source source) {}
}
