-- Facts for the station and centre reports' activities (活动), kept from the volunteer service's events on
-- wushe.volunteer.volunteer (binding activityEvents-in-0): ids, kinds, times, minutes; no title, no name. Each row is
-- written in the transaction that records the event id in processed_event, so a redelivered event changes nothing.

-- An activity as its latest ActivityPublished/ActivityChanged (by revision) tells it; cancelled by ActivityCancelled,
-- for good. A cancellation read before the activity itself leaves a row with only the cancellation (details_revision
-- null) that the activity's details fill in later, still cancelled. station_id: the publisher when it is a station;
-- community_id: the publisher when it is a community, else the community where the activity takes place (if given).
CREATE TABLE activity_fact (
    activity_id      uuid        PRIMARY KEY,
    details_revision int,
    publisher_kind   varchar(20),
    publisher_id     uuid,
    station_id       uuid,
    community_id     uuid,
    kind             varchar(30),
    starts_at        timestamptz,
    cancelled        boolean     NOT NULL DEFAULT false
);
CREATE INDEX activity_fact_start ON activity_fact (starts_at) WHERE NOT cancelled;

-- An attendance: a sign-up checked out (VolunteerCheckedOut), its credited minutes as the latest event by occurredAt
-- says (a staff correction publishes it again with the corrected minutes).
CREATE TABLE attendance_fact (
    sign_up_id       uuid        PRIMARY KEY,
    activity_id      uuid        NOT NULL,
    volunteer_id     uuid        NOT NULL,
    credited_minutes int         NOT NULL CHECK (credited_minutes >= 0),
    checked_out_at   timestamptz NOT NULL,
    occurred_at      timestamptz NOT NULL
);
CREATE INDEX attendance_fact_activity ON attendance_fact (activity_id);
