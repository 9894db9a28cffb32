-- People who sign in at the hub's issuer, with the roles and tenancy claims their tokens carry.
CREATE TABLE account (
    username      VARCHAR(64) PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    roles         TEXT NOT NULL,                    -- comma-separated, e.g. station_staff,volunteer
    tenancy       TEXT NOT NULL DEFAULT '',         -- claim=value pairs, comma-separated, e.g. station_id=7c1…
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
