-- The need-list import wizard: an upload becomes a draft (not published) whose columns are mapped to need
-- fields automatically or by hand, whose rows may be fixed in place, and which is then published through
-- the import worker as an import_job.

-- The same file is one import per community (the hub admin's uploads, without a community, are one more
-- "community"): another community's upload of the same bytes is its own import.
ALTER TABLE import_job DROP CONSTRAINT import_job_sha256_key;
CREATE UNIQUE INDEX import_job_sha256_per_community
    ON import_job (sha256, coalesce(community_id, '00000000-0000-0000-0000-000000000000'::uuid));

CREATE TABLE import_draft (
    id            uuid         PRIMARY KEY,
    community_id  uuid         REFERENCES community (id),
    actor         varchar(100) NOT NULL,
    sha256        char(64)     NOT NULL,
    file_name     varchar(255) NOT NULL,
    format        varchar(10)  NOT NULL,
    content_enc   bytea        NOT NULL,            -- sealed with the resident key, like import_job.content_enc
    total_rows    int          NOT NULL,
    state         varchar(20)  NOT NULL,            -- DRAFT, PUBLISHED
    job_id        uuid,                             -- the import it was published as (an earlier one for the same file)
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL
);
CREATE INDEX import_draft_by_community ON import_draft (community_id, created_at);

-- Which need field each column of a draft fills (by column position; no row: the column is ignored).
CREATE TABLE import_draft_column (
    draft_id     uuid        NOT NULL REFERENCES import_draft (id),
    column_index int         NOT NULL,
    field        varchar(40) NOT NULL,
    source       varchar(20) NOT NULL,              -- SYNONYM, REMEMBERED, MANUAL
    PRIMARY KEY (draft_id, column_index)
);

-- Values fixed in place, per row and field; sealed (a clerk may type anything into a cell).
CREATE TABLE import_draft_fix (
    draft_id   uuid        NOT NULL REFERENCES import_draft (id),
    row_number int         NOT NULL,
    field      varchar(40) NOT NULL,
    value_enc  bytea       NOT NULL,
    PRIMARY KEY (draft_id, row_number, field)
);

-- The job a draft was published as runs with the draft's mapping and fixes.
ALTER TABLE import_job ADD COLUMN draft_id uuid REFERENCES import_draft (id);

-- How a community's clerks map their own headers (normalised: no spaces, marks, brackets' notes), applied
-- first on that community's next upload. field '' : the header is deliberately ignored.
CREATE TABLE import_header_mapping (
    community_id uuid         NOT NULL REFERENCES community (id),
    header_key   varchar(200) NOT NULL,
    field        varchar(40)  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    PRIMARY KEY (community_id, header_key)
);
