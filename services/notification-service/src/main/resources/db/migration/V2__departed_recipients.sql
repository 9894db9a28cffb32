-- Volunteers who erased their account (VolunteerLeft): their id and when, nothing else. The erasure deleted
-- their settings and sealed addresses, skipped their pending deliveries and emptied their notifications of
-- what they said; this row makes that final: a later event about them (a MatchAccepted that crossed the
-- erasure, a reminder due) notifies nobody. The contact_access log stays: it records who read what, not the address.
CREATE TABLE departed_recipient (
    recipient_kind varchar(20) NOT NULL,
    recipient_id   uuid        NOT NULL,
    erased_by      varchar(20) NOT NULL,
    left_at        timestamptz NOT NULL,
    PRIMARY KEY (recipient_kind, recipient_id)
);
