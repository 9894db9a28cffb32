-- Check-in and check-out (签到/签退) at an activity: a volunteer with a confirmed sign-up scans the venue's signed,
-- short-lived code on their phone, or the organizer's staff record them (someone without a phone). Hours are counted
-- from check-in to check-out by the field's rules and credited once; staff corrections of either time are logged with
-- their reason and adjust the hours by a correction entry.

-- One row per sign-up that checked in. No check-out without a check-in, and never before it.
CREATE TABLE attendance (
    sign_up_id           uuid          PRIMARY KEY REFERENCES sign_up (id),
    activity_id          uuid          NOT NULL REFERENCES activity (id),
    volunteer_id         uuid          NOT NULL REFERENCES volunteer (id),
    checked_in_at        timestamptz   NOT NULL,
    checked_in_by        varchar(100)  NOT NULL,
    checked_in_by_staff  boolean       NOT NULL,
    checked_out_at       timestamptz,
    checked_out_by       varchar(100),
    checked_out_by_staff boolean,
    -- The minutes the attendance is worth in all, as credited (the check-out's credit and every correction's).
    credited_minutes     int           NOT NULL DEFAULT 0 CHECK (credited_minutes >= 0),
    CHECK (checked_out_at IS NULL OR checked_out_at > checked_in_at),
    CHECK ((checked_out_at IS NULL) = (checked_out_by IS NULL))
);
CREATE INDEX attendance_activity ON attendance (activity_id);

-- The venue codes a volunteer used, per sign-up and kind: the same code (its nonce) is refused a second time.
CREATE TABLE venue_code_use (
    sign_up_id  uuid          NOT NULL REFERENCES sign_up (id),
    kind        varchar(9)    NOT NULL CHECK (kind IN ('CHECK_IN', 'CHECK_OUT')),
    nonce       varchar(24)   NOT NULL,
    used_at     timestamptz   NOT NULL,
    PRIMARY KEY (sign_up_id, kind, nonce)
);

-- Staff corrections of a check-in or check-out time: who, when, why, before and after. Never changed or deleted.
CREATE TABLE attendance_correction (
    id                  uuid          PRIMARY KEY,
    sign_up_id          uuid          NOT NULL REFERENCES sign_up (id),
    corrected_by        varchar(100)  NOT NULL,
    corrected_at        timestamptz   NOT NULL,
    reason              varchar(200)  NOT NULL CHECK (length(btrim(reason)) > 0),
    checked_in_before   timestamptz,
    checked_in_after    timestamptz   NOT NULL,
    checked_out_before  timestamptz,
    checked_out_after   timestamptz,
    minutes_before      int           NOT NULL,
    minutes_after       int           NOT NULL
);
CREATE INDEX attendance_correction_sign_up ON attendance_correction (sign_up_id, corrected_at);

CREATE FUNCTION forbid_correction_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'attendance corrections are a log: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER attendance_correction_append_only BEFORE UPDATE OR DELETE ON attendance_correction
    FOR EACH ROW EXECUTE FUNCTION forbid_correction_change();

-- Hours from an activity (source ACTIVITY, with the sign-up); a correction that takes time back is an entry of
-- negative minutes (ACTIVITY only), so the total stays the sum of the entries.
ALTER TABLE service_hours ADD COLUMN sign_up_id uuid REFERENCES sign_up (id);
ALTER TABLE service_hours DROP CONSTRAINT service_hours_minutes_check;
ALTER TABLE service_hours ADD CONSTRAINT service_hours_minutes_check
    CHECK (minutes BETWEEN -1440 AND 1440 AND minutes <> 0 AND (minutes > 0 OR source = 'ACTIVITY'));
ALTER TABLE service_hours DROP CONSTRAINT service_hours_source_check;
ALTER TABLE service_hours ADD CONSTRAINT service_hours_source_check CHECK (source IN ('MATCH', 'MANUAL', 'ACTIVITY'));
ALTER TABLE service_hours DROP CONSTRAINT service_hours_check;
ALTER TABLE service_hours ADD CONSTRAINT service_hours_match_check CHECK (source <> 'MATCH' OR match_id IS NOT NULL);
ALTER TABLE service_hours ADD CONSTRAINT service_hours_activity_check CHECK ((source = 'ACTIVITY') = (sign_up_id IS NOT NULL));
