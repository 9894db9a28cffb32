-- An activity of the volunteer service (ActivityPublished/ActivityChanged) reserves its venue's window through the
-- saga like an accepted match: source ACTIVITY, need_id holds the activity's id and match_id the reservation's key for
-- that revision of the activity (a name-based UUID), so a redelivered event finds the reservation it already made.
ALTER TABLE reservation DROP CONSTRAINT reservation_source_check;
ALTER TABLE reservation ADD CONSTRAINT reservation_source_check CHECK (source IN ('MATCH', 'STAFF', 'ACTIVITY'));
CREATE INDEX reservation_held_by_activity ON reservation (need_id) WHERE source = 'ACTIVITY' AND status = 'RESERVED';
