-- volunteer-service: volunteers, teams, availability, service hours, the points ledger (积分), rewards,
-- and read models of donors (resource-service), needs' categories (community-service) and matches.

-- Volunteers (社区志愿者). Name and phone are personal data: they stay here and never go into events.
CREATE TABLE volunteer (
    id                 uuid         PRIMARY KEY,
    display_name       varchar(30)  NOT NULL,
    phone              varchar(11)  UNIQUE,
    community_id       uuid,
    organization_id    uuid,
    district_code      char(6)      NOT NULL,
    street_code        char(9),
    home_community_id  uuid,
    grid_id            uuid,
    geohash            varchar(6),
    skills             text[]       NOT NULL DEFAULT '{}',
    languages          text[]       NOT NULL DEFAULT '{}',
    young_old          boolean      NOT NULL DEFAULT false,
    in_hardship        boolean      NOT NULL DEFAULT false,
    max_hours_per_week int          CHECK (max_hours_per_week BETWEEN 1 AND 168),
    registered_at      timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL
);
CREATE INDEX volunteer_community ON volunteer (community_id);
CREATE INDEX volunteer_skills ON volunteer USING gin (skills);

-- Availability: weekly slots (local wall-clock time, Asia/Shanghai) and one-off windows; a new
-- declaration replaces both as a whole.
CREATE TABLE weekly_slot (
    volunteer_id uuid        NOT NULL REFERENCES volunteer (id),
    day          varchar(10) NOT NULL,
    starts       time        NOT NULL,
    ends         time        NOT NULL CHECK (ends > starts),
    PRIMARY KEY (volunteer_id, day, starts)
);
CREATE TABLE one_off_window (
    volunteer_id uuid        NOT NULL REFERENCES volunteer (id),
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL CHECK (ends_at > starts_at),
    PRIMARY KEY (volunteer_id, starts_at)
);

-- Teams (志愿服务队) and their sub-teams (e.g. mediation 调解, safety 安全, legal advice 法律咨询).
CREATE TABLE team (
    id              uuid         PRIMARY KEY,
    parent_id       uuid         REFERENCES team (id),
    name            varchar(40)  NOT NULL,
    purpose         varchar(200),
    community_id    uuid,
    organization_id uuid,
    created_at      timestamptz  NOT NULL
);
CREATE UNIQUE INDEX team_name_top ON team (name, community_id) NULLS NOT DISTINCT WHERE parent_id IS NULL;
CREATE UNIQUE INDEX team_name_sub ON team (parent_id, name) WHERE parent_id IS NOT NULL;

CREATE TABLE team_member (
    team_id      uuid        NOT NULL REFERENCES team (id),
    volunteer_id uuid        NOT NULL REFERENCES volunteer (id),
    role         varchar(10) NOT NULL CHECK (role IN ('LEADER', 'MEMBER')),
    joined_at    timestamptz NOT NULL,
    PRIMARY KEY (team_id, volunteer_id)
);
CREATE INDEX team_member_volunteer ON team_member (volunteer_id);

-- Read model: the category of each need (from wushe.community.need), for the difficulty of matched services.
CREATE TABLE need_category (
    need_id  uuid        PRIMARY KEY,
    category varchar(30) NOT NULL,
    revision int         NOT NULL
);

-- Read model: accepted matches of our volunteers (from wushe.matching.match).
CREATE TABLE assignment (
    match_id        uuid        PRIMARY KEY,
    volunteer_id    uuid        NOT NULL REFERENCES volunteer (id),
    need_id         uuid        NOT NULL,
    community_id    uuid        NOT NULL,
    station_id      uuid        NOT NULL,
    scheduled_start timestamptz,
    scheduled_end   timestamptz,
    status          varchar(10) NOT NULL CHECK (status IN ('ACCEPTED', 'COMPLETED')),
    accepted_at     timestamptz,
    completed_at    timestamptz
);
CREATE INDEX assignment_volunteer ON assignment (volunteer_id);

-- Service hours (服务时长): from completed matches (one credit per match at most) or logged by hand.
CREATE TABLE service_hours (
    id              uuid         PRIMARY KEY,
    volunteer_id    uuid         NOT NULL REFERENCES volunteer (id),
    minutes         int          NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    source          varchar(10)  NOT NULL CHECK (source IN ('MATCH', 'MANUAL')),
    match_id        uuid         UNIQUE,
    station_id      uuid,
    community_id    uuid,
    category        varchar(30),
    difficulty      varchar(12)  NOT NULL,
    served_on       date         NOT NULL,
    logged_by       varchar(100),
    note            varchar(200),
    idempotency_key varchar(100),
    credited_at     timestamptz  NOT NULL,
    CHECK (source = 'MANUAL' OR match_id IS NOT NULL),
    UNIQUE (volunteer_id, idempotency_key)
);
CREATE INDEX service_hours_volunteer ON service_hours (volunteer_id, served_on);

-- Points rules as data (积分规则), versioned and never changed in place: the newest version in
-- effect applies. Multipliers are in percent (200 = double points).
CREATE TABLE points_rules (
    version                  int          PRIMARY KEY,
    points_per_hour          int          NOT NULL CHECK (points_per_hour > 0),
    flag_percent             jsonb        NOT NULL,
    stack_flag_multipliers   boolean      NOT NULL,
    difficulty_percent       jsonb        NOT NULL,
    category_difficulty      jsonb        NOT NULL,
    default_difficulty       varchar(12)  NOT NULL,
    manual_hours_earn_points boolean      NOT NULL,
    expiry_days              int          CHECK (expiry_days > 0),
    daily_cap                bigint       CHECK (daily_cap > 0),
    effective_from           timestamptz  NOT NULL,
    note                     varchar(200),
    created_at               timestamptz  NOT NULL
);
INSERT INTO points_rules VALUES (1, 10,
    '{"YOUNG_OLD": 200, "IN_HARDSHIP": 200}', false,
    '{"LIGHT": 100, "STANDARD": 100, "DEMANDING": 150, "SPECIALIST": 200}',
    '{"HOME_REPAIR": "SPECIALIST", "SAFETY_CHECK": "SPECIALIST", "LEGAL_ADVICE": "SPECIALIST", "PSYCHOLOGICAL_SUPPORT": "SPECIALIST", "HEALTH": "SPECIALIST", "ESCORT": "DEMANDING", "MEDIATION": "DEMANDING", "STUDY_SPACE": "DEMANDING", "DAILY_GOODS": "LIGHT", "CULTURAL_EVENT": "LIGHT"}',
    'STANDARD', true, 365, 100, '2000-01-01T00:00:00Z',
    '10 points per hour; double for young-old (低龄老人) and hardship (困境人群) volunteers; expire after a year; at most 100 a day',
    '2000-01-01T00:00:00Z');

-- Points accounts. A volunteer's account has the volunteer's id. Time-bank accounts (时间银行) hold
-- points gifted to a relative or an elder in hardship. System accounts are the other side of every
-- award (issuance), redemption and expiry: double entry, so all entries together sum to zero.
CREATE TABLE points_account (
    id                   uuid         PRIMARY KEY,
    kind                 varchar(10)  NOT NULL CHECK (kind IN ('VOLUNTEER', 'TIME_BANK', 'SYSTEM')),
    volunteer_id         uuid         UNIQUE REFERENCES volunteer (id),
    holder               varchar(20)  NOT NULL CHECK (holder IN ('VOLUNTEER', 'RELATIVE', 'ELDER_IN_HARDSHIP', 'ISSUANCE', 'REDEMPTION', 'EXPIRY')),
    sponsor_volunteer_id uuid         REFERENCES volunteer (id),
    resident_ref         uuid,
    label                varchar(30),
    created_at           timestamptz  NOT NULL,
    CHECK ((kind = 'VOLUNTEER') = (volunteer_id IS NOT NULL))
);
INSERT INTO points_account (id, kind, holder, label, created_at) VALUES
    ('00000000-0000-0000-0000-00000000a001', 'SYSTEM', 'ISSUANCE', '积分发放 points issued', now()),
    ('00000000-0000-0000-0000-00000000a002', 'SYSTEM', 'REDEMPTION', '积分兑换 points redeemed', now()),
    ('00000000-0000-0000-0000-00000000a003', 'SYSTEM', 'EXPIRY', '积分过期 points expired', now());

-- One ledger transaction per award, redemption, gift or expiry, with what it was about. The idempotency
-- key makes a retried request find the first result instead of posting twice.
CREATE TABLE points_transaction (
    id                  uuid         PRIMARY KEY,
    kind                varchar(12)  NOT NULL CHECK (kind IN ('AWARD', 'REDEMPTION', 'GIFT', 'EXPIRY')),
    account_id          uuid         NOT NULL REFERENCES points_account (id),
    counter_account_id  uuid         NOT NULL REFERENCES points_account (id),
    points              bigint       NOT NULL CHECK (points > 0),
    balance_after       bigint       NOT NULL,
    counter_balance_after bigint,
    idempotency_key     varchar(100),
    request_fingerprint varchar(200),
    hours_id            uuid         REFERENCES service_hours (id),
    served_on           date,
    computed_points     bigint,
    multiplier_percent  int,
    rule_version        int          REFERENCES points_rules (version),
    reward_id           uuid,
    donor_id            uuid,
    quantity            int,
    note                varchar(200),
    occurred_at         timestamptz  NOT NULL,
    UNIQUE (account_id, kind, idempotency_key)
);
CREATE INDEX points_transaction_award_day ON points_transaction (account_id, served_on) WHERE kind = 'AWARD';

-- The ledger: append-only entries. A credit to an account is positive, a debit negative; each
-- transaction's entries sum to zero (checked at commit), so the whole ledger sums to zero. Balances
-- are sums of entries, never stored. Credits carry the moment they expire (FIFO by expiry).
CREATE TABLE ledger_entry (
    id             bigserial    PRIMARY KEY,
    transaction_id uuid         NOT NULL REFERENCES points_transaction (id),
    account_id     uuid         NOT NULL REFERENCES points_account (id),
    amount         bigint       NOT NULL CHECK (amount <> 0),
    expires_at     timestamptz  CHECK (expires_at IS NULL OR amount > 0),
    occurred_at    timestamptz  NOT NULL
);
CREATE INDEX ledger_entry_account ON ledger_entry (account_id);
CREATE INDEX ledger_entry_transaction ON ledger_entry (transaction_id);

CREATE FUNCTION forbid_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the points ledger is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION forbid_ledger_change();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_ledger_change();
CREATE TRIGGER points_transaction_append_only BEFORE UPDATE OR DELETE ON points_transaction
    FOR EACH ROW EXECUTE FUNCTION forbid_ledger_change();
CREATE TRIGGER points_transaction_no_truncate BEFORE TRUNCATE ON points_transaction
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_ledger_change();

CREATE FUNCTION check_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total bigint;
BEGIN
    SELECT sum(amount) INTO total FROM ledger_entry WHERE transaction_id = NEW.transaction_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance: its entries sum to %', NEW.transaction_id, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_transaction_balanced();

-- Read model of donors (from wushe.resource.donor): caring shops (爱心商家) offer rewards.
CREATE TABLE donor (
    id            uuid         PRIMARY KEY,
    name          varchar(200) NOT NULL,
    kind          varchar(30)  NOT NULL,
    community_id  uuid,
    district_code varchar(6),
    registered_at timestamptz  NOT NULL
);

-- Rewards (兑换奖励) offered by caring shops for points. stock NULL: unlimited.
CREATE TABLE reward (
    id          uuid         PRIMARY KEY,
    donor_id    uuid         NOT NULL REFERENCES donor (id),
    title       varchar(60)  NOT NULL,
    description varchar(300),
    points_cost bigint       NOT NULL CHECK (points_cost > 0),
    stock       int          CHECK (stock >= 0),
    valid_until date,
    active      boolean      NOT NULL,
    created_at  timestamptz  NOT NULL
);
CREATE INDEX reward_donor ON reward (donor_id);
