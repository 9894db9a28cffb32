-- resource-service: donors, offers, stock and reservations. Places are coarse (PIPL): codes, community,
-- grid, a geohash of at most 6 characters and coordinates rounded to 2 decimals (about 1 km).

CREATE TABLE donor (
    id                         uuid          PRIMARY KEY,
    name                       varchar(100)  NOT NULL,
    kind                       varchar(30)   NOT NULL,
    unified_social_credit_code char(18)      UNIQUE,
    community_id               uuid,
    description                varchar(500),
    website                    varchar(200),
    place_name                 varchar(100),
    district_code              char(6)       NOT NULL,
    street_code                char(9),
    place_community_id         uuid,
    grid_id                    uuid,
    geohash                    varchar(6),
    latitude                   numeric(5, 2),
    longitude                  numeric(5, 2),
    registered_at              timestamptz   NOT NULL
);

CREATE TABLE offer (
    id                 uuid          PRIMARY KEY,
    donor_id           uuid          NOT NULL REFERENCES donor (id),
    kind               varchar(10)   NOT NULL CHECK (kind IN ('GOODS', 'SERVICE', 'FUND', 'VENUE')),
    category           varchar(30)   NOT NULL,
    title              varchar(100)  NOT NULL,
    description        varchar(1000),
    beneficiary_groups text[]        NOT NULL DEFAULT '{}',
    community_ids      uuid[]        NOT NULL DEFAULT '{}',
    place_name         varchar(100),
    district_code      char(6)       NOT NULL,
    street_code        char(9),
    place_community_id uuid,
    grid_id            uuid,
    geohash            varchar(6),
    latitude           numeric(5, 2),
    longitude          numeric(5, 2),
    available_from     timestamptz   NOT NULL,
    available_until    timestamptz   NOT NULL,
    status             varchar(10)   NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'EXPIRED', 'WITHDRAWN')),
    -- goods
    quantity           integer,
    unit               varchar(20),
    expiry_date        date,
    -- services and venues: capacity per slot occurrence; schedule is the service's weekly slots or the
    -- venue's opening hours, as 'SATURDAY 09:00-11:30'
    capacity           integer,
    skills             text[]        NOT NULL DEFAULT '{}',
    languages          text[]        NOT NULL DEFAULT '{}',
    session_minutes    integer,
    schedule           text[]        NOT NULL DEFAULT '{}',
    -- funds
    amount_fen         bigint,
    max_per_need_fen   bigint,
    purpose            varchar(200),
    created_at         timestamptz   NOT NULL,
    expired_at         timestamptz,
    CONSTRAINT offer_window CHECK (available_until > available_from),
    CONSTRAINT offer_goods CHECK (kind <> 'GOODS' OR (quantity > 0 AND unit IS NOT NULL)),
    CONSTRAINT offer_fund CHECK (kind <> 'FUND' OR amount_fen > 0),
    CONSTRAINT offer_capacity CHECK (kind NOT IN ('SERVICE', 'VENUE') OR capacity > 0)
);
CREATE INDEX offer_by_donor ON offer (donor_id);
CREATE INDEX offer_goods_to_expire ON offer (expiry_date) WHERE status = 'ACTIVE' AND expiry_date IS NOT NULL;
CREATE INDEX offer_window_to_end ON offer (available_until) WHERE status = 'ACTIVE';

-- What can still be reserved. One row per period an amount counts for: the offer's whole window for
-- goods and funds, one occurrence of a weekly slot for services and venues (capacity per slot).
-- Rows are created on the first reservation of their period. Never negative: the CHECK below, and
-- every taking is a conditional UPDATE ... WHERE available >= n. total = available + withdrawn +
-- reserved + consumed (the last two summed over the period's reservations).
CREATE TABLE stock (
    id           uuid        PRIMARY KEY,
    offer_id     uuid        NOT NULL REFERENCES offer (id),
    period_start timestamptz NOT NULL,
    period_end   timestamptz NOT NULL,
    total        bigint      NOT NULL CHECK (total > 0),
    available    bigint      NOT NULL,
    withdrawn    bigint      NOT NULL DEFAULT 0 CHECK (withdrawn >= 0),
    CONSTRAINT stock_never_negative CHECK (available >= 0),
    CONSTRAINT stock_within_total CHECK (available + withdrawn <= total),
    CONSTRAINT stock_one_row_per_period UNIQUE (offer_id, period_start, period_end)
);

-- A part of a stock period set aside for a match; at most one per match.
CREATE TABLE reservation (
    id              uuid        PRIMARY KEY,
    offer_id        uuid        NOT NULL REFERENCES offer (id),
    stock_id        uuid        NOT NULL REFERENCES stock (id),
    match_id        uuid        NOT NULL CONSTRAINT reservation_one_per_match UNIQUE,
    need_id         uuid        NOT NULL,
    amount          bigint      NOT NULL CHECK (amount > 0),
    window_start    timestamptz,
    window_end      timestamptz,
    status          varchar(10) NOT NULL CHECK (status IN ('RESERVED', 'RELEASED', 'CONSUMED')),
    source          varchar(10) NOT NULL CHECK (source IN ('MATCH', 'STAFF')),
    reserved_at     timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    settled_at      timestamptz,
    release_reason  varchar(30),
    consumed_amount bigint,
    CONSTRAINT reservation_consumed CHECK (consumed_amount IS NULL OR (consumed_amount >= 0 AND consumed_amount <= amount)),
    CONSTRAINT reservation_window CHECK (window_end IS NULL OR window_end > window_start)
);
CREATE INDEX reservation_by_offer ON reservation (offer_id);
CREATE INDEX reservation_to_lapse ON reservation (expires_at) WHERE status = 'RESERVED';

-- Idempotency keys of staff requests over REST (Kafka events are deduplicated in processed_event).
CREATE TABLE idempotency_key (
    key            varchar(100) PRIMARY KEY,
    operation      varchar(30)  NOT NULL,
    request_hash   varchar(64)  NOT NULL,
    reservation_id uuid         REFERENCES reservation (id),
    created_at     timestamptz  NOT NULL
);
