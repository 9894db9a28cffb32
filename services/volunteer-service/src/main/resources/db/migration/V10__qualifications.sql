-- Training and qualifications (培训与资质, #15 item 5). The catalogue of qualifications (code, Chinese and English
-- name, validity in months) kept by centre managers and station staff; a TRAINING activity may grant one of them to
-- each volunteer who checks in and out; staff may record one obtained elsewhere (its certificate number sealed like
-- the volunteer's other details); a position may require one, checked at sign-up.

CREATE TABLE qualification (
    code             varchar(40)   PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_zh          varchar(60)   NOT NULL CHECK (length(btrim(name_zh)) > 0),
    name_en          varchar(80)   NOT NULL CHECK (length(btrim(name_en)) > 0),
    validity_months  int           NOT NULL CHECK (validity_months BETWEEN 1 AND 600),
    created_by       varchar(100)  NOT NULL,
    created_at       timestamptz   NOT NULL
);

-- The qualifications a position could already name (FIRST_AID in the examples).
INSERT INTO qualification (code, name_zh, name_en, validity_months, created_by, created_at) VALUES
    ('FIRST_AID', '急救', 'First aid', 36, 'migration V10', now()),
    ('ELDERLY_CARE', '养老护理', 'Elderly care', 36, 'migration V10', now()),
    ('FOOD_HANDLING', '食品安全操作', 'Food handling', 12, 'migration V10', now());

-- A TRAINING activity names the qualification its attendance grants; no other kind grants one.
ALTER TABLE activity ADD COLUMN grants_qualification varchar(40) REFERENCES qualification (code);
ALTER TABLE activity ADD CONSTRAINT activity_grants_only_training
    CHECK (grants_qualification IS NULL OR kind = 'TRAINING');

-- A position's required qualification is a catalogue code from now on (rows already here are not checked).
ALTER TABLE activity_position ADD CONSTRAINT activity_position_qualification_catalogued
    FOREIGN KEY (qualification) REFERENCES qualification (code) NOT VALID;

-- A volunteer's qualifications: granted by a training's check-out (once per sign-up) or recorded by staff.
CREATE TABLE volunteer_qualification (
    id                  uuid          PRIMARY KEY,
    volunteer_id        uuid          NOT NULL REFERENCES volunteer (id),
    code                varchar(40)   NOT NULL REFERENCES qualification (code),
    source              varchar(10)   NOT NULL CHECK (source IN ('TRAINING', 'RECORDED')),
    granted_at          timestamptz   NOT NULL,
    valid_until         timestamptz   NOT NULL CHECK (valid_until > granted_at),
    activity_id         uuid          REFERENCES activity (id),
    sign_up_id          uuid          UNIQUE REFERENCES sign_up (id),
    -- The certificate number of one recorded by staff, sealed (AES-GCM, bound to the volunteer and this row).
    certificate_sealed  bytea,
    recorded_by         varchar(100)  NOT NULL,
    recorded_at         timestamptz   NOT NULL,
    CHECK ((source = 'TRAINING') = (sign_up_id IS NOT NULL AND activity_id IS NOT NULL)),
    CHECK (source = 'RECORDED' OR certificate_sealed IS NULL)
);
CREATE INDEX volunteer_qualification_volunteer ON volunteer_qualification (volunteer_id, code, valid_until);
