-- Issue 15 item 4: a minor volunteer (under 18 by their ID number) signs up for nothing until staff of their
-- home station or community record a guardian's consent (监护人同意). The guardian's name and phone are personal
-- data, sealed like the volunteer's (bound to volunteer/<id>/guardian_name, .../guardian_phone).
CREATE TABLE volunteer_guardian_consent (
    volunteer_id         uuid         PRIMARY KEY REFERENCES volunteer (id),
    guardian_name_sealed bytea        NOT NULL,
    guardian_phone_sealed bytea       NOT NULL,
    relationship         varchar(20)  NOT NULL,
    recorded_by          varchar(100) NOT NULL,
    recorded_at          timestamptz  NOT NULL
);
