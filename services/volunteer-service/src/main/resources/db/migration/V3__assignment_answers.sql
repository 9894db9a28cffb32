-- A volunteer sees the matches proposed for them and answers them: confirms or declines. The reason a
-- volunteer gives stays here (decline_reason, their own words); the event carries its category only.
-- A need's coarse place (geohash of at most 6 characters, about 1 km) is kept beside its category.
ALTER TABLE assignment DROP CONSTRAINT assignment_status_check;
ALTER TABLE assignment ADD CONSTRAINT assignment_status_check
    CHECK (status IN ('PROPOSED', 'ACCEPTED', 'CONFIRMED', 'DECLINED', 'COMPLETED'));
ALTER TABLE assignment ADD COLUMN proposed_at      timestamptz;
ALTER TABLE assignment ADD COLUMN confirmed_at     timestamptz;
ALTER TABLE assignment ADD COLUMN declined_at      timestamptz;
ALTER TABLE assignment ADD COLUMN declined_by      varchar(20);
ALTER TABLE assignment ADD COLUMN decline_category varchar(20);
ALTER TABLE assignment ADD COLUMN decline_reason   varchar(200);
ALTER TABLE need_category ADD COLUMN geohash varchar(6);
