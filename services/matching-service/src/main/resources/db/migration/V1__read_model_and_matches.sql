-- The matching service's read model of the other parties (rebuilt into the engine's memory at start)
-- and its own matches. Events carry no personal data, so neither does anything here.

create table station_view (
    station_id        uuid primary key,
    parent_station_id uuid,
    level             text not null,
    name              text not null
);

create table need_view (
    need_id           uuid primary key,
    community_id      uuid not null,
    station_id        uuid not null,
    revision          int not null,
    title             text not null,
    -- The engine's NeedSpec as JSON.
    spec              jsonb not null,
    -- OPEN (being matched), WAITING (for supply or the next batch), MATCHED (a live match), CLOSED.
    state             text not null,
    waiting_zh        text,
    waiting_en        text,
    published_at      timestamptz not null,
    updated_at        timestamptz not null
);
create index need_view_waiting on need_view (published_at) where state = 'WAITING';

create table volunteer_view (
    volunteer_id uuid primary key,
    label        text not null,
    spec         jsonb not null,
    updated_at   timestamptz not null
);

-- Offers of the resource service and service capacity of organizations (kind CAPACITY).
create table offer_view (
    offer_id   uuid primary key,
    kind       text not null,
    title      text not null,
    revision   int not null default 0,
    spec       jsonb not null,
    active     boolean not null,
    updated_at timestamptz not null
);

create table match (
    match_id       uuid primary key,
    need_id        uuid not null references need_view,
    community_id   uuid not null,
    station_id     uuid not null,
    candidate_kind text not null,
    candidate_id   uuid not null,
    candidate_label text not null,
    rank           int not null,
    mode           text not null,
    score          double precision not null,
    explanation    jsonb not null,
    window_start   timestamptz,
    window_end     timestamptz,
    allocation     jsonb,
    -- PROPOSED, ESCALATED, ACCEPTED, RESERVED, COMPLETED, DECLINED, LAPSED, FAILED, WITHDRAWN
    status         text not null,
    proposed_at    timestamptz not null,
    deadline       timestamptz not null,
    escalated_to   uuid,
    escalated_at   timestamptz,
    decided_by     text,
    decided_at     timestamptz,
    decline_reason text,
    note           text,
    service_minutes int,
    completed_at   timestamptz
);
-- A need has at most one live match: redelivered events and racing decisions can never make a second.
create unique index match_one_live_per_need on match (need_id) where status in ('PROPOSED', 'ESCALATED', 'ACCEPTED', 'RESERVED');
create index match_station on match (station_id, status);
create index match_escalated_to on match (escalated_to, status) where escalated_to is not null;
create index match_deadline on match (deadline) where status in ('PROPOSED', 'ESCALATED');
create index match_need on match (need_id);

-- Candidates a need must not be offered again (declined, lapsed, failed to reserve).
create table match_exclusion (
    need_id        uuid not null,
    candidate_kind text not null,
    candidate_id   uuid not null,
    reason         text not null,
    primary key (need_id, candidate_kind, candidate_id)
);
