-- Stock belongs to the station that holds the match (issue #14). A reservation records the station whose
-- match holds it: the match's station from MatchAccepted for the saga, the match's (or, without a match,
-- the caller's own) station for a reservation by hand. Rows made before this migration keep NULL: this
-- service never stored the station of a match, so it cannot be derived; only the hub admin may release or
-- hand over such a reservation by hand (the match saga still settles it), until an event of its match
-- names the station (match_station below fills it in).
ALTER TABLE reservation ADD COLUMN station_id uuid;

-- The station of every match this service has heard of, from the match events it consumes
-- (MatchProposed, MatchEscalated, MatchAccepted, MatchDeclined, MatchCompleted on wushe.matching.match):
-- station staff may reserve by hand only for a match of their own station (or of the centre it was
-- escalated to); a match not in here is refused, not trusted.
CREATE TABLE match_station (
    match_id     uuid        PRIMARY KEY,
    station_id   uuid        NOT NULL,
    escalated_to uuid,
    need_id      uuid        NOT NULL,
    recorded_at  timestamptz NOT NULL
);
