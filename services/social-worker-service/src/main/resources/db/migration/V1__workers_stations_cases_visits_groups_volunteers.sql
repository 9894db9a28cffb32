-- social-worker-service: social workers, their certificates and assignments, cases with their notes,
-- visits and the needs they raise, group work, and read models of stations and volunteer registrations.
-- Residents appear only as resident_ref, the pseudonym the community service issues.
-- The platform's migration (outbox, processed_event) is added by the platform library.

-- Stations and centres as the community service announced them (StationRegistered).
CREATE TABLE station (
    id                   uuid         PRIMARY KEY,
    name                 varchar(200) NOT NULL,
    level                varchar(30)  NOT NULL,
    parent_id            uuid,
    community_id         uuid,
    served_community_ids uuid[]       NOT NULL DEFAULT '{}',
    district_code        varchar(12)  NOT NULL,
    street_code          varchar(12),
    geohash              varchar(6),
    registered_at        timestamptz  NOT NULL
);
CREATE INDEX station_parent ON station (parent_id);

-- Volunteers recruited (VolunteerRegistered): where and when, nothing personal.
CREATE TABLE volunteer_registration (
    volunteer_id      uuid        PRIMARY KEY,
    community_id      uuid,
    home_community_id uuid,
    grid_id           uuid,
    registered_at     timestamptz NOT NULL,
    event_id          uuid        NOT NULL
);
CREATE INDEX volunteer_registration_where ON volunteer_registration ((coalesce(community_id, home_community_id)), registered_at);

-- A social worker (staff; the name never leaves this service).
CREATE TABLE social_worker (
    id                  uuid        PRIMARY KEY,
    name                varchar(50) NOT NULL,
    employment          varchar(20) NOT NULL,
    certification_level varchar(20) NOT NULL,
    certified_on        date,
    station_id          uuid        REFERENCES station (id),
    supervisor_id       uuid        REFERENCES social_worker (id),
    trained_locally     boolean     NOT NULL DEFAULT false,
    skills              text[]      NOT NULL DEFAULT '{}',
    languages           text[]      NOT NULL DEFAULT '{}',
    assigned_on         date,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT social_worker_certificate_dated CHECK ((certification_level = 'NONE') = (certified_on IS NULL))
);
CREATE INDEX social_worker_station ON social_worker (station_id);
CREATE INDEX social_worker_supervisor ON social_worker (supervisor_id);

-- Every certificate obtained, so that a report knows what was held on a past date.
CREATE TABLE certificate (
    social_worker_id uuid        NOT NULL REFERENCES social_worker (id),
    level            varchar(20) NOT NULL,
    certified_on     date        NOT NULL,
    PRIMARY KEY (social_worker_id, level)
);

-- A case (个案). One open case per resident and station.
CREATE TABLE casework (
    id                uuid        PRIMARY KEY,
    social_worker_id  uuid        NOT NULL REFERENCES social_worker (id),
    station_id        uuid        NOT NULL REFERENCES station (id),
    community_id      uuid        NOT NULL,
    resident_ref      uuid        NOT NULL,
    category          varchar(30) NOT NULL,
    beneficiary_group varchar(30) NOT NULL,
    opened_on         date        NOT NULL,
    status            varchar(10) NOT NULL,
    outcome           varchar(20),
    closed_on         date,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT casework_closed_after_opened CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
CREATE UNIQUE INDEX casework_one_open_per_resident ON casework (station_id, resident_ref) WHERE status = 'OPEN';
CREATE INDEX casework_worker ON casework (social_worker_id);
CREATE INDEX casework_station_dates ON casework (station_id, opened_on);

-- Case notes: kept here only, never in an event.
CREATE TABLE case_note (
    id         uuid        PRIMARY KEY,
    case_id    uuid        NOT NULL REFERENCES casework (id),
    author_id  uuid        NOT NULL REFERENCES social_worker (id),
    kind       varchar(20) NOT NULL,
    text       text        NOT NULL,
    written_at timestamptz NOT NULL
);
CREATE INDEX case_note_of ON case_note (case_id);

-- Phone and home visits (电话探访, 入户探访); notes stay here.
CREATE TABLE visit (
    id               uuid        PRIMARY KEY,
    social_worker_id uuid        NOT NULL REFERENCES social_worker (id),
    station_id       uuid        NOT NULL REFERENCES station (id),
    community_id     uuid        NOT NULL,
    resident_ref     uuid        NOT NULL,
    case_id          uuid        REFERENCES casework (id),
    kind             varchar(10) NOT NULL,
    outcome          varchar(20) NOT NULL,
    visited_at       timestamptz NOT NULL,
    minutes          int,
    notes            text,
    created_at       timestamptz NOT NULL
);
CREATE INDEX visit_station_time ON visit (station_id, visited_at);
CREATE INDEX visit_worker ON visit (social_worker_id, visited_at);
CREATE INDEX visit_resident ON visit (resident_ref);

-- The need a visit found, as VisitRaisedNeed published it (event_id: the community service deduplicates on it).
CREATE TABLE raised_need (
    visit_id           uuid         PRIMARY KEY REFERENCES visit (id),
    event_id           uuid         NOT NULL UNIQUE,
    category           varchar(30)  NOT NULL,
    urgency            varchar(20)  NOT NULL,
    beneficiary_group  varchar(30)  NOT NULL,
    beneficiary_count  int          NOT NULL,
    title              varchar(100) NOT NULL,
    grid_id            uuid,
    geohash            varchar(6),
    window_start       timestamptz  NOT NULL,
    window_end         timestamptz  NOT NULL,
    quantity_amount    int,
    quantity_unit      varchar(20),
    required_skills    text[]       NOT NULL DEFAULT '{}',
    required_languages text[]       NOT NULL DEFAULT '{}',
    estimated_minutes  int
);

-- Group work (小组) and its sessions: a participant count, never who.
CREATE TABLE work_group (
    id                uuid         PRIMARY KEY,
    social_worker_id  uuid         NOT NULL REFERENCES social_worker (id),
    station_id        uuid         NOT NULL REFERENCES station (id),
    community_id      uuid         NOT NULL,
    title             varchar(100) NOT NULL,
    category          varchar(30)  NOT NULL,
    beneficiary_group varchar(30)  NOT NULL,
    planned_sessions  int,
    created_at        timestamptz  NOT NULL
);
CREATE INDEX work_group_station ON work_group (station_id);

CREATE TABLE group_session (
    id                uuid        PRIMARY KEY,
    group_id          uuid        NOT NULL REFERENCES work_group (id),
    session_number    int         NOT NULL,
    held_at           timestamptz NOT NULL,
    minutes           int,
    participant_count int         NOT NULL CHECK (participant_count >= 0),
    notes             text,
    CONSTRAINT group_session_number_unique UNIQUE (group_id, session_number)
);
CREATE INDEX group_session_time ON group_session (held_at);
