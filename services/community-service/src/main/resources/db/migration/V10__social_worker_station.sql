-- The station each social worker is assigned to now, as social-worker-service says it on wushe.socialworker.worker
-- (SocialWorkerRegistered with its station, SocialWorkerAssigned for every change): social workers of that station
-- list and record its follow-up visits (回访). One row per worker; the newest event (occurred_at) wins, so an older
-- event delivered after a newer one changes nothing. A worker taken off every station keeps a row with no station
-- (rather than no row), so that an older assignment arriving afterwards cannot bring the station back.
-- No foreign key to station: a station this service does not know grants nothing, and a consumer must not fail on it.
CREATE TABLE social_worker_station (
    social_worker_id uuid        PRIMARY KEY,
    station_id       uuid,                                  -- null: on no station now
    assigned_on      date,                                  -- SocialWorkerAssigned.assignedOn; null from a registration
    occurred_at      timestamptz NOT NULL,                  -- of the event that set this row
    event_id         uuid        NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX social_worker_station_station ON social_worker_station (station_id) WHERE station_id IS NOT NULL;
