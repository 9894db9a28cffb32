-- Activities (活动) published by a station, a community, a social organization or a social worker, with their
-- positions (岗位), and volunteers' sign-ups (报名) for them. They live here because a sign-up is judged against the
-- volunteer's own limits and history, which this service holds: their other sign-ups (no two overlapping), their
-- declared skills, and their no-shows.

CREATE TABLE activity (
    id                       uuid          PRIMARY KEY,
    publisher_kind           varchar(15)   NOT NULL CHECK (publisher_kind IN ('STATION', 'COMMUNITY', 'ORGANIZATION', 'SOCIAL_WORKER')),
    publisher_id             uuid          NOT NULL,
    kind                     varchar(30)   NOT NULL,
    title                    varchar(80)   NOT NULL,
    description              varchar(2000),
    community_id             uuid,
    starts_at                timestamptz   NOT NULL,
    ends_at                  timestamptz   NOT NULL CHECK (ends_at > starts_at),
    -- An offer of the resource service (a venue), referenced only: reserving it through the saga comes later.
    venue_offer_id           uuid,
    co_host_organization_ids uuid[]        NOT NULL DEFAULT '{}',
    co_host_donor_ids        uuid[]        NOT NULL DEFAULT '{}',
    approval_required        boolean       NOT NULL,
    -- Counts per beneficiary group only: {"ELDERLY_ALONE": 40}.
    residents_served         jsonb         NOT NULL DEFAULT '{}',
    status                   varchar(10)   NOT NULL CHECK (status IN ('PUBLISHED', 'CANCELLED')),
    revision                 int           NOT NULL,
    cancel_reason            varchar(20),
    cancel_note              varchar(200),
    published_by             varchar(100)  NOT NULL,
    published_at             timestamptz   NOT NULL,
    updated_at               timestamptz   NOT NULL
);
CREATE INDEX activity_publisher ON activity (publisher_kind, publisher_id, starts_at);
CREATE INDEX activity_starts ON activity (starts_at);

CREATE TABLE activity_position (
    id                  uuid          PRIMARY KEY,
    activity_id         uuid          NOT NULL REFERENCES activity (id),
    ordinal             int           NOT NULL,
    duty                varchar(200)  NOT NULL,
    places              int           NOT NULL CHECK (places BETWEEN 1 AND 1000),
    waiting_list_limit  int           NOT NULL CHECK (waiting_list_limit BETWEEN 0 AND 1000),
    skills              text[]        NOT NULL DEFAULT '{}',
    qualification       varchar(40),
    starts_at           timestamptz   NOT NULL,
    ends_at             timestamptz   NOT NULL CHECK (ends_at > starts_at),
    -- A position dropped by a change; kept for the sign-ups that name it.
    removed_at          timestamptz
);
CREATE INDEX activity_position_activity ON activity_position (activity_id, ordinal);

-- A sign-up holds a place while PENDING (awaiting approval) or CONFIRMED; WAITLISTED ones wait in the order of seq.
-- A volunteer has at most one live sign-up per activity.
CREATE TABLE sign_up (
    id                 uuid          PRIMARY KEY,
    seq                bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    activity_id        uuid          NOT NULL REFERENCES activity (id),
    position_id        uuid          NOT NULL REFERENCES activity_position (id),
    volunteer_id       uuid          NOT NULL REFERENCES volunteer (id),
    status             varchar(12)   NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'WAITLISTED', 'REJECTED', 'WITHDRAWN', 'CANCELLED')),
    signed_up_at       timestamptz   NOT NULL,
    signed_up_by       varchar(100)  NOT NULL,
    decided_at         timestamptz,
    decided_by         varchar(100),
    reject_reason      varchar(30),
    moved_up_at        timestamptz,
    ended_at           timestamptz,
    ended_by           varchar(100),
    -- A no-show (未到岗) recorded by the organizer after the position ended; counted against further sign-ups.
    no_show_on         timestamptz,
    no_show_recorded_by varchar(100),
    CHECK (no_show_on IS NULL OR status = 'CONFIRMED')
);
CREATE UNIQUE INDEX sign_up_live_once ON sign_up (activity_id, volunteer_id) WHERE status IN ('PENDING', 'CONFIRMED', 'WAITLISTED');
CREATE INDEX sign_up_position ON sign_up (position_id, status, seq);
CREATE INDEX sign_up_volunteer ON sign_up (volunteer_id, status);
CREATE INDEX sign_up_no_show ON sign_up (volunteer_id, no_show_on) WHERE no_show_on IS NOT NULL;
