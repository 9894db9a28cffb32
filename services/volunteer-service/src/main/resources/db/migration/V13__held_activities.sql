-- Activities recorded after they were held (活动补录): the organizer's staff enter an activity that took place (within
-- wushe.volunteer.activities.backfill-days) with who attended and when, and why it is entered afterwards. The activity,
-- its sign-ups and attendances are ordinary rows (the attendances by staff, each with a row in attendance_correction
-- giving the reason); this table says which activities were recorded so, by whom, why, and under which Idempotency-Key.
CREATE TABLE held_activity (
    activity_id      uuid          PRIMARY KEY REFERENCES activity (id) DEFERRABLE INITIALLY DEFERRED,
    publisher_kind   varchar(20)   NOT NULL,
    publisher_id     uuid          NOT NULL,
    -- The client's Idempotency-Key, unique per publisher: a repeat answers with the activity recorded first.
    idempotency_key  varchar(100),
    -- What the request was, to tell a repeat from another request under the same key.
    fingerprint      varchar(300)  NOT NULL,
    reason           varchar(200)  NOT NULL CHECK (length(btrim(reason)) > 0),
    recorded_by      varchar(100)  NOT NULL,
    recorded_at      timestamptz   NOT NULL
);
CREATE UNIQUE INDEX held_activity_key ON held_activity (publisher_kind, publisher_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
