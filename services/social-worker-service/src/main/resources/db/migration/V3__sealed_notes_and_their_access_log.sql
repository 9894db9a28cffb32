-- Notes about residents are sealed at rest (AES-256-GCM, see NoteSeal): the *_sealed columns hold them. The
-- plaintext columns stay only for rows of earlier versions, which the service seals at start-up
-- (PlaintextNotes) and then clears; nothing writes them any more.
ALTER TABLE case_note ADD COLUMN text_sealed bytea;
ALTER TABLE case_note ALTER COLUMN text DROP NOT NULL;
ALTER TABLE visit ADD COLUMN notes_sealed bytea;
ALTER TABLE group_session ADD COLUMN notes_sealed bytea;

-- Every opening of notes: who, whose (the worker keeping them), which (case, visit or group) and why.
CREATE TABLE note_access (
    id               bigserial    PRIMARY KEY,
    actor            varchar(100) NOT NULL,
    social_worker_id uuid         NOT NULL,
    kind             varchar(10)  NOT NULL,
    subject_id       uuid         NOT NULL,
    reason           varchar(200) NOT NULL,
    accessed_at      timestamptz  NOT NULL
);
CREATE INDEX note_access_subject ON note_access (subject_id, accessed_at);
CREATE INDEX note_access_worker ON note_access (social_worker_id, accessed_at);
