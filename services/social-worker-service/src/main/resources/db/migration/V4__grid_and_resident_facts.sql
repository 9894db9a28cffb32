-- Facts for the centre report's grid work (网格) and residents' voice (居民), kept from the community
-- service's events: ids, communities, stations, days and stars; nothing personal (the events carry
-- nothing personal). Each row is written in the transaction that records the event id in
-- processed_event, so a redelivered event changes nothing.

-- Where a need came from (NeedPublished's details.source): hazards fixed are GRID_REPORT needs fulfilled,
-- wishes fulfilled MICRO_WISH needs fulfilled. Null for needs published before this version was read.
ALTER TABLE need_fact ADD COLUMN source varchar(20);
CREATE INDEX need_fact_source_fulfilled ON need_fact (source, fulfilled_at) WHERE source IS NOT NULL;

-- Patrol rounds (PatrolRecorded on wushe.community.grid).
CREATE TABLE patrol_fact (
    patrol_id    uuid PRIMARY KEY,
    grid_id      uuid NOT NULL,
    community_id uuid NOT NULL,
    patrolled_on date NOT NULL,
    households   int  NOT NULL,
    hazards      int  NOT NULL
);
CREATE INDEX patrol_fact_day ON patrol_fact (patrolled_on);

-- Findings of a round (HazardReported): found on the round's day (its PatrolRecorded comes first, in the same
-- transaction and partition), else on the day it was reported.
CREATE TABLE hazard_fact (
    hazard_id    uuid        PRIMARY KEY,
    patrol_id    uuid        NOT NULL,
    grid_id      uuid        NOT NULL,
    community_id uuid        NOT NULL,
    found_on     date        NOT NULL,
    urgency      varchar(20) NOT NULL,
    need_id      uuid
);
CREATE INDEX hazard_fact_day ON hazard_fact (found_on);

-- Care plans' schedules as CareVisitDue last told them (the due day in force decides whether a visit was on time).
CREATE TABLE care_plan_fact (
    care_plan_id    uuid PRIMARY KEY,
    grid_id         uuid NOT NULL,
    community_id    uuid NOT NULL,
    due_on          date NOT NULL,
    last_visited_on date
);

-- A care visit, seen as a SCHEDULED CareVisitDue whose lastVisitedOn moved on; due_on is the due day in force before
-- it (null when the plan's earlier events were never seen here: a visit, neither on time nor late).
CREATE TABLE care_visit_fact (
    care_plan_id uuid NOT NULL,
    visited_on   date NOT NULL,
    community_id uuid NOT NULL,
    due_on       date,
    PRIMARY KEY (care_plan_id, visited_on)
);
CREATE INDEX care_visit_fact_day ON care_visit_fact (visited_on);

-- A due day passed without a visit (CareVisitDue OVERDUE, announced once per due day).
CREATE TABLE care_overdue_fact (
    care_plan_id uuid NOT NULL,
    due_on       date NOT NULL,
    community_id uuid NOT NULL,
    PRIMARY KEY (care_plan_id, due_on)
);
CREATE INDEX care_overdue_fact_day ON care_overdue_fact (due_on);

-- Residents' micro-wishes (WishSubmitted on wushe.community.need): the station is null when several serve the community.
CREATE TABLE wish_fact (
    wish_id      uuid        PRIMARY KEY,
    community_id uuid        NOT NULL,
    station_id   uuid,
    submitted_at timestamptz NOT NULL
);
CREATE INDEX wish_fact_time ON wish_fact (submitted_at);

-- Ratings of fulfilled needs (ServiceRated), once per need, at the need's station.
CREATE TABLE rating_fact (
    need_id          uuid        PRIMARY KEY,
    station_id       uuid        NOT NULL,
    community_id     uuid        NOT NULL,
    stars            int         NOT NULL CHECK (stars BETWEEN 1 AND 5),
    follow_up_opened boolean     NOT NULL,
    rated_at         timestamptz NOT NULL
);
CREATE INDEX rating_fact_time ON rating_fact (rated_at);

-- Follow-up visits (回访) of low ratings, recorded (FollowUpRecorded).
CREATE TABLE follow_up_fact (
    follow_up_id uuid        PRIMARY KEY,
    need_id      uuid        NOT NULL,
    station_id   uuid        NOT NULL,
    community_id uuid        NOT NULL,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX follow_up_fact_time ON follow_up_fact (recorded_at);
