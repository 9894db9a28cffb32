-- Facts for centre reports (中心报表), kept from other services' events: compact, nothing personal.
-- Each row is written in the transaction that records the event id in processed_event, so a
-- redelivered event changes nothing. Events of one need arrive on two topics (need, match) in any
-- order, so every column is filled by whichever event comes, and times keep the earliest.

-- One row per need (NeedPublished, NeedClosed on wushe.community.need; Match* on wushe.matching.match).
CREATE TABLE need_fact (
    need_id           uuid        PRIMARY KEY,
    station_id        uuid        NOT NULL,   -- NeedPublished's station; until it arrives, the first match event's
    community_id      uuid,
    published_at      timestamptz,            -- NeedPublished
    first_proposed_at timestamptz,            -- the earliest MatchProposed
    first_accepted_at timestamptz,            -- the earliest MatchAccepted
    fulfilled_at      timestamptz,            -- the earliest MatchCompleted or NeedClosed FULFILLED
    closed_outcome    varchar(20),            -- NeedClosed: FULFILLED, CANCELLED, EXPIRED
    closed_at         timestamptz
);
CREATE INDEX need_fact_station ON need_fact (station_id);

-- Which station a match was for: hours credited for a match without a station of their own are the match's station's.
CREATE TABLE match_fact (
    match_id   uuid PRIMARY KEY,
    need_id    uuid NOT NULL,
    station_id uuid NOT NULL
);

-- Volunteer hours (ServiceHoursCredited on wushe.volunteer.volunteer).
CREATE TABLE hours_credit (
    credit_id    uuid        PRIMARY KEY,
    volunteer_id uuid        NOT NULL,
    minutes      int         NOT NULL CHECK (minutes >= 0),
    source       varchar(10) NOT NULL,
    match_id     uuid,
    station_id   uuid,
    served_on    date        NOT NULL,
    credited_at  timestamptz NOT NULL
);
CREATE INDEX hours_credit_served ON hours_credit (served_on);
CREATE INDEX hours_credit_match ON hours_credit (match_id) WHERE match_id IS NOT NULL;

-- Points (PointsAwarded on wushe.volunteer.volunteer), tied to the hours that earned them.
CREATE TABLE points_award (
    transaction_id uuid        PRIMARY KEY,
    volunteer_id   uuid        NOT NULL,
    credit_id      uuid,
    points         bigint      NOT NULL,
    awarded_at     timestamptz NOT NULL
);
CREATE INDEX points_award_time ON points_award (awarded_at);
CREATE INDEX points_award_credit ON points_award (credit_id);
