-- A resident's own (#19): micro-wishes and requests for help sent from their phone, the rating of a fulfilled need,
-- and the station's follow-up visit (回访) of a low rating. Free texts are screened for phone and ID numbers.

CREATE TABLE resident_wish (
    id               uuid          PRIMARY KEY,
    resident_id      uuid          NOT NULL REFERENCES resident (id),
    community_id     uuid          NOT NULL REFERENCES community (id),
    station_id       uuid          REFERENCES station (id),            -- the one station serving the community, if one
    category         varchar(30)   NOT NULL,
    title            varchar(100)  NOT NULL,
    description      varchar(1000),
    consent_to_share boolean       NOT NULL,                          -- the resident's consent to share the wish with helpers
    status           varchar(16)   NOT NULL,                          -- PENDING, ACCEPTED, DECLINED
    need_id          uuid          UNIQUE REFERENCES need (id),        -- the MICRO_WISH need it became
    decided_by       varchar(100),
    decided_at       timestamptz,
    decline_reason   varchar(500),
    submitted_at     timestamptz   NOT NULL,
    CONSTRAINT resident_wish_status CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED')),
    -- A wish becomes a need only with the resident's consent to share it.
    CONSTRAINT resident_wish_accepted_with_consent CHECK (status <> 'ACCEPTED' OR (consent_to_share AND need_id IS NOT NULL))
);
CREATE INDEX resident_wish_resident ON resident_wish (resident_id, submitted_at DESC);
CREATE INDEX resident_wish_community ON resident_wish (community_id, status, submitted_at);

-- Once per need: the primary key is the need.
CREATE TABLE service_rating (
    need_id      uuid         PRIMARY KEY REFERENCES need (id),
    resident_id  uuid         NOT NULL REFERENCES resident (id),
    community_id uuid         NOT NULL REFERENCES community (id),
    station_id   uuid         NOT NULL REFERENCES station (id),
    stars        smallint     NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment      varchar(500),
    rated_at     timestamptz  NOT NULL
);
CREATE INDEX service_rating_resident ON service_rating (resident_id, rated_at DESC);

CREATE TABLE service_follow_up (
    id            uuid          PRIMARY KEY,
    need_id       uuid          NOT NULL UNIQUE REFERENCES service_rating (need_id),
    community_id  uuid          NOT NULL REFERENCES community (id),
    station_id    uuid          NOT NULL REFERENCES station (id),
    status        varchar(16)   NOT NULL,                              -- OPEN, RECORDED
    opened_at     timestamptz   NOT NULL,
    outcome       varchar(1000),
    recorded_by   varchar(100),
    recorded_role varchar(30),
    recorded_at   timestamptz,
    CONSTRAINT service_follow_up_status CHECK (status IN ('OPEN', 'RECORDED')),
    CONSTRAINT service_follow_up_recorded CHECK (status = 'OPEN' OR (outcome IS NOT NULL AND recorded_by IS NOT NULL AND recorded_at IS NOT NULL))
);
CREATE INDEX service_follow_up_station ON service_follow_up (station_id, status, opened_at);
