-- Issue 14: a volunteer's name, phone and hardship flag are personal data, kept encrypted at rest
-- (AES-256-GCM per value, bound to volunteer/<id>/<field>; the platform's FieldCipher) like residents'.
-- The phone stays unique through a keyed hash (HMAC-SHA-256), useless without the key. V5 (a Java
-- migration, VolunteerDetailsSealing) seals the rows already here; V6 drops the plain columns.
ALTER TABLE volunteer ADD COLUMN name_sealed     bytea;
ALTER TABLE volunteer ADD COLUMN phone_sealed    bytea;
ALTER TABLE volunteer ADD COLUMN phone_hash      bytea;
ALTER TABLE volunteer ADD COLUMN hardship_sealed bytea;
CREATE UNIQUE INDEX volunteer_phone_hash ON volunteer (phone_hash);

-- The station whose staff registered the volunteer (null: registered by the hub admin). With the
-- stations of their assignments and credited hours it tells which stations a volunteer serves.
ALTER TABLE volunteer ADD COLUMN registered_by_station uuid;
CREATE INDEX volunteer_registered_by_station ON volunteer (registered_by_station);
CREATE INDEX assignment_station ON assignment (station_id, volunteer_id);
CREATE INDEX service_hours_station ON service_hours (station_id, volunteer_id);

-- Every read of a volunteer's details by someone other than the volunteer themself: who, whose, why.
CREATE TABLE volunteer_access (
    id           bigserial    PRIMARY KEY,
    volunteer_id uuid         NOT NULL REFERENCES volunteer (id),
    actor        varchar(100) NOT NULL,
    reason       varchar(200) NOT NULL,
    action       varchar(20)  NOT NULL,
    accessed_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_access_by_volunteer ON volunteer_access (volunteer_id, accessed_at);
