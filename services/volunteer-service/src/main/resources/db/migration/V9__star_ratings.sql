-- Star ratings (星级志愿者) by cumulative credited hours. The thresholds are rules data, versioned like the points
-- rules (never edited; a new version takes effect now or later): a locality sets its own by adding a version.
CREATE TABLE star_rules (
    version             int           PRIMARY KEY,
    -- Hours for 1★, 2★, …, strictly increasing (at most 10 levels).
    threshold_hours     int[]         NOT NULL CHECK (cardinality(threshold_hours) BETWEEN 1 AND 10),
    -- When a correction takes hours back below a threshold: true keeps the star reached, false drops it.
    keep_on_correction  boolean       NOT NULL,
    effective_from      timestamptz   NOT NULL,
    note                varchar(200),
    created_at          timestamptz   NOT NULL
);
INSERT INTO star_rules VALUES (1, '{100, 300, 600, 1000, 1500}', true, '2000-01-01T00:00:00Z',
    '1★ 100 h, 2★ 300 h, 3★ 600 h, 4★ 1,000 h, 5★ 1,500 h, as most provinces use; a star reached is kept when hours are corrected down',
    '2000-01-01T00:00:00Z');

-- The star each volunteer holds now, changed in the transaction that credits or takes back their hours.
CREATE TABLE volunteer_star (
    volunteer_id   uuid          PRIMARY KEY REFERENCES volunteer (id),
    stars          int           NOT NULL CHECK (stars BETWEEN 0 AND 10),
    total_minutes  bigint        NOT NULL,
    rule_version   int           NOT NULL REFERENCES star_rules (version),
    since          timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL
);

-- Every change of a volunteer's star: from, to, the total then and why. Never changed or deleted.
CREATE TABLE star_change (
    id             bigserial     PRIMARY KEY,
    volunteer_id   uuid          NOT NULL REFERENCES volunteer (id),
    stars_before   int           NOT NULL,
    stars_after    int           NOT NULL,
    total_minutes  bigint        NOT NULL,
    rule_version   int           NOT NULL REFERENCES star_rules (version),
    cause          varchar(10)   NOT NULL CHECK (cause IN ('CREDIT', 'CORRECTION')),
    changed_at     timestamptz   NOT NULL
);
CREATE INDEX star_change_volunteer ON star_change (volunteer_id, id);

CREATE FUNCTION forbid_star_change_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'star changes are a log: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER star_change_append_only BEFORE UPDATE OR DELETE ON star_change
    FOR EACH ROW EXECUTE FUNCTION forbid_star_change_change();
