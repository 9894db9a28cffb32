-- Account changes that grant access to residents (or the power to approve such changes) are requested by one person
-- and take effect when a second, different person approves them.
CREATE TABLE account_request (
    id            UUID PRIMARY KEY,
    kind          VARCHAR(16) NOT NULL,             -- SAVE (create, or change roles/tenancy) or RESET (a new password)
    username      VARCHAR(64) NOT NULL,
    display_name  VARCHAR(100),
    roles         TEXT,
    tenancy       TEXT,
    enabled       BOOLEAN,
    centre_id     VARCHAR(64),                      -- the centre whose manager may approve (station or community staff)
    requested_by  VARCHAR(128) NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    status        VARCHAR(16) NOT NULL DEFAULT 'PENDING', -- PENDING, APPROVED, REJECTED
    decided_by    VARCHAR(128),
    decided_at    TIMESTAMPTZ
);
CREATE INDEX account_request_pending ON account_request (status, requested_at);

-- The passwords an account had (bcrypt hashes), so a new one may not repeat any of the last few.
CREATE TABLE password_history (
    username      VARCHAR(64) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    set_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX password_history_account ON password_history (username, set_at DESC);

-- The audit trail of account changes: append only. Each row's hash covers the previous row's hash and its own content,
-- so a changed or removed row breaks the chain; and the database itself refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE account_audit (
    seq           BIGINT PRIMARY KEY,
    at            VARCHAR(40) NOT NULL,             -- ISO-8601 instant, as hashed
    actor         VARCHAR(200) NOT NULL,
    action        VARCHAR(40) NOT NULL,
    username      VARCHAR(64) NOT NULL,
    detail        TEXT NOT NULL,
    request_id    UUID,
    prev_hash     CHAR(64) NOT NULL,
    hash          CHAR(64) NOT NULL
);

CREATE FUNCTION account_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'account_audit is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER account_audit_no_update_delete BEFORE UPDATE OR DELETE ON account_audit
    FOR EACH ROW EXECUTE FUNCTION account_audit_append_only();
CREATE TRIGGER account_audit_no_truncate BEFORE TRUNCATE ON account_audit
    FOR EACH STATEMENT EXECUTE FUNCTION account_audit_append_only();
