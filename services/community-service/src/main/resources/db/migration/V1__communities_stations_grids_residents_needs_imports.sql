-- community-service: communities, the station hierarchy, grids, residents (private), needs, need-list imports.

-- A community (社区) or village (村).
CREATE TABLE community (
    id              uuid         PRIMARY KEY,
    name            varchar(100) NOT NULL,
    kind            varchar(20)  NOT NULL,
    district_code   char(6)      NOT NULL,
    street_code     char(9),
    geohash         varchar(6),
    grid_count      int,
    household_count int,
    resident_count  int,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT community_name_unique UNIQUE (district_code, name)
);

-- District guidance centre -> street/town centre -> community stations (e.g. 一中心七平台).
CREATE TABLE station (
    id            uuid         PRIMARY KEY,
    name          varchar(100) NOT NULL,
    level         varchar(30)  NOT NULL,
    parent_id     uuid         REFERENCES station (id),
    community_id  uuid         REFERENCES community (id),
    district_code char(6)      NOT NULL,
    street_code   char(9),
    geohash       varchar(6),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT station_name_unique UNIQUE (district_code, name)
);
CREATE INDEX station_parent ON station (parent_id);

-- Communities whose needs a station handles.
CREATE TABLE station_served_community (
    station_id   uuid NOT NULL REFERENCES station (id),
    community_id uuid NOT NULL REFERENCES community (id),
    PRIMARY KEY (station_id, community_id)
);
CREATE INDEX station_served_by_community ON station_served_community (community_id);

-- A grid (网格): the block of buildings one grid worker answers for.
CREATE TABLE grid (
    id           uuid         PRIMARY KEY,
    community_id uuid         NOT NULL REFERENCES community (id),
    name         varchar(60)  NOT NULL,
    buildings    int,
    stairwells   int,
    households   int,
    residents    int,
    geohash      varchar(6),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT grid_name_unique UNIQUE (community_id, name)
);

-- Residents. Personal data is encrypted by the application (AES-GCM, key outside the database);
-- the ID number is also kept as a keyed hash (HMAC-SHA-256) so that it can be unique and looked up
-- without being decrypted. resident_ref is the pseudonym other services see; it is not the row id.
CREATE TABLE resident (
    id              uuid         PRIMARY KEY,
    resident_ref    uuid         NOT NULL UNIQUE,
    community_id    uuid         NOT NULL REFERENCES community (id),
    grid_id         uuid         REFERENCES grid (id),
    resident_number varchar(40),
    name_enc        bytea        NOT NULL,
    phone_enc       bytea,
    id_number_enc   bytea,
    id_number_hmac  bytea        UNIQUE,
    address_enc     bytea,
    flags_enc       bytea        NOT NULL,
    created_by      varchar(100) NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT resident_number_unique UNIQUE (community_id, resident_number)
);

-- Every read of a resident's personal data: who, when, why.
CREATE TABLE resident_access (
    id          bigserial    PRIMARY KEY,
    resident_id uuid         NOT NULL REFERENCES resident (id),
    actor       varchar(100) NOT NULL,
    reason      varchar(200) NOT NULL,
    action      varchar(20)  NOT NULL,
    accessed_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX resident_access_by_resident ON resident_access (resident_id, accessed_at);

-- Recurring needs (e.g. milk every week): each occurrence becomes a need of its own.
CREATE TABLE need_series (
    id              uuid        PRIMARY KEY,
    template        text        NOT NULL,
    frequency       varchar(10) NOT NULL,
    interval_count  int         NOT NULL,
    first_start     timestamptz NOT NULL,
    duration_ms     bigint      NOT NULL,
    max_occurrences int,
    until           timestamptz,
    next_occurrence int         NOT NULL DEFAULT 1,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Need-list imports: the uploaded file (encrypted: staff sometimes leave personal data in columns the
-- hub ignores) and the progress of its rows, committed chunk by chunk.
CREATE TABLE import_job (
    id            uuid         PRIMARY KEY,
    sha256        char(64)     NOT NULL UNIQUE,
    file_name     varchar(255) NOT NULL,
    format        varchar(10)  NOT NULL,
    content_enc   bytea        NOT NULL,
    state         varchar(20)  NOT NULL,
    total_rows    int          NOT NULL,
    last_row_done int          NOT NULL DEFAULT 0,
    processed     int          NOT NULL DEFAULT 0,
    published     int          NOT NULL DEFAULT 0,
    rejected      int          NOT NULL DEFAULT 0,
    actor         varchar(100),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz
);
CREATE INDEX import_job_unfinished ON import_job (state) WHERE state IN ('QUEUED', 'RUNNING');

CREATE TABLE import_rejection (
    job_id      uuid         NOT NULL REFERENCES import_job (id),
    row_number  int          NOT NULL,
    seq         int          NOT NULL,
    column_name varchar(100) NOT NULL,
    reason      varchar(300) NOT NULL,
    PRIMARY KEY (job_id, row_number, seq)
);

CREATE TABLE need (
    id                uuid         PRIMARY KEY,
    community_id      uuid         NOT NULL REFERENCES community (id),
    station_id        uuid         NOT NULL REFERENCES station (id),
    grid_id           uuid         REFERENCES grid (id),
    resident_id       uuid         REFERENCES resident (id),
    resident_ref      uuid,
    source            varchar(20)  NOT NULL,
    category          varchar(30)  NOT NULL,
    urgency           varchar(20)  NOT NULL,
    beneficiary_group varchar(30)  NOT NULL,
    beneficiary_count int          NOT NULL,
    title             varchar(100) NOT NULL,
    geohash           varchar(6),
    window_start      timestamptz  NOT NULL,
    window_end        timestamptz  NOT NULL,
    quantity_amount   int,
    quantity_unit     varchar(20),
    skills            varchar(500) NOT NULL DEFAULT '',
    languages         varchar(100) NOT NULL DEFAULT '',
    estimated_minutes int,
    status            varchar(20)  NOT NULL,
    revision          int          NOT NULL,
    match_id          uuid,
    series_id         uuid         REFERENCES need_series (id),
    occurrence        int,
    import_job_id     uuid         REFERENCES import_job (id),
    import_row        int,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT need_occurrence_unique UNIQUE (series_id, occurrence),
    CONSTRAINT need_import_row_unique UNIQUE (import_job_id, import_row)
);
CREATE INDEX need_by_community ON need (community_id, status);
CREATE INDEX need_open_by_end ON need (window_end) WHERE status IN ('PUBLISHED', 'MATCHED', 'ACCEPTED');
