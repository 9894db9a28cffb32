-- An activity's venue, reserved through the saga (#15 item 1): what this service asked of the resource service for the
-- activity's venue (offer, window, people: see ActivityVenueContract), and what it answered: PENDING until
-- ResourceReserved (RESERVED) or ResourceReservationFailed (REFUSED, with the reason); RELEASED when the resource service
-- gave it back (the activity cancelled, the provider withdrew the venue). No row: the activity names no venue, or it was
-- recorded after it was held.
CREATE TABLE activity_venue (
    activity_id     uuid        PRIMARY KEY REFERENCES activity (id),
    offer_id        uuid        NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    people          int         NOT NULL CHECK (people > 0),
    status          varchar(10) NOT NULL CHECK (status IN ('PENDING', 'RESERVED', 'REFUSED', 'RELEASED')),
    reason          varchar(40),
    updated_at      timestamptz NOT NULL
);
