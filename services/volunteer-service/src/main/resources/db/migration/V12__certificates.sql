-- Volunteer service record certificates (志愿服务记录证明, issue 15 item 6): the totals a certificate states, as they
-- were when it was issued, and its verification code (12 characters of Crockford base32 from SecureRandom, unique).
-- masked_name is the only trace of the volunteer's name here (张*明): what the public verification shows; the full name
-- and ID number stay sealed in volunteer and are opened (and logged) when the PDF is made.
CREATE TABLE certificate (
    id              uuid PRIMARY KEY,
    code            varchar(12) NOT NULL UNIQUE CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
    volunteer_id    uuid NOT NULL REFERENCES volunteer (id),
    period_from     date,
    period_to       date,
    total_minutes   bigint NOT NULL,
    service_records int NOT NULL CHECK (service_records >= 0),
    stars           int NOT NULL CHECK (stars >= 0),
    issuer          varchar(16) NOT NULL CHECK (issuer IN ('STATION', 'HUB')),
    station_id      uuid,
    masked_name     text NOT NULL,
    issued_by       text NOT NULL,
    issued_at       timestamptz NOT NULL,
    CHECK ((issuer = 'STATION') = (station_id IS NOT NULL)),
    CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to)
);

CREATE INDEX certificate_of_volunteer ON certificate (volunteer_id, issued_at);
