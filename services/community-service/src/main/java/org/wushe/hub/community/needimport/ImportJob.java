package org.wushe.hub.community.needimport;

import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded need list (identified by the SHA-256 of its bytes) and how far its rows got:
 * {@code processed} of {@code total} rows, of which {@code published} became needs and
 * {@code rejected} came back in the report. {@code lastRowDone} is the sheet row number of the last
 * committed row. {@code communityId}: the one community whose rows it may publish (an upload by that
 * community's staff), or null for any (the hub admin's).
 */
public record ImportJob(
        UUID id,
        String sha256,
        String fileName,
        SpreadsheetReader.Format format,
        State state,
        int total,
        int processed,
        int published,
        int rejected,
        int lastRowDone,
        String actor,
        UUID communityId,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public enum State {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED
    }

    public boolean finished() {
        return state == State.COMPLETED || state == State.FAILED;
    }
}
