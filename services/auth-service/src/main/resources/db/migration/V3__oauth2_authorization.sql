-- The sign-ins in flight and the tokens issued (Spring Authorization Server's JdbcOAuth2AuthorizationService), kept
-- here instead of in the issuer's memory: its in-memory store is not safe when many people sign in at once (a
-- ConcurrentModificationException in the token endpoint answered 500), and it forgot every sign-in in flight at a
-- restart. The framework's schema (oauth2-authorization-schema.sql), adapted to PostgreSQL as its header says:
-- blob -> text, timestamp -> timestamptz. Plus created_at, so that sign-ins never finished can be swept.
CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100) NOT NULL PRIMARY KEY,
    registered_client_id          VARCHAR(100) NOT NULL,
    principal_name                VARCHAR(200) NOT NULL,
    authorization_grant_type      VARCHAR(100) NOT NULL,
    authorized_scopes             VARCHAR(1000),
    attributes                    TEXT,
    state                         VARCHAR(500),
    authorization_code_value      TEXT,
    authorization_code_issued_at  TIMESTAMPTZ,
    authorization_code_expires_at TIMESTAMPTZ,
    authorization_code_metadata   TEXT,
    access_token_value            TEXT,
    access_token_issued_at        TIMESTAMPTZ,
    access_token_expires_at       TIMESTAMPTZ,
    access_token_metadata         TEXT,
    access_token_type             VARCHAR(100),
    access_token_scopes           VARCHAR(1000),
    oidc_id_token_value           TEXT,
    oidc_id_token_issued_at       TIMESTAMPTZ,
    oidc_id_token_expires_at      TIMESTAMPTZ,
    oidc_id_token_metadata        TEXT,
    refresh_token_value           TEXT,
    refresh_token_issued_at       TIMESTAMPTZ,
    refresh_token_expires_at      TIMESTAMPTZ,
    refresh_token_metadata        TEXT,
    user_code_value               TEXT,
    user_code_issued_at           TIMESTAMPTZ,
    user_code_expires_at          TIMESTAMPTZ,
    user_code_metadata            TEXT,
    device_code_value             TEXT,
    device_code_issued_at         TIMESTAMPTZ,
    device_code_expires_at        TIMESTAMPTZ,
    device_code_metadata          TEXT,
    created_at                    TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- The token endpoint and the resource checks look an authorization up by one of its values (state, code, token):
-- hash indexes, since a signed token can be longer than a B-tree entry may be.
CREATE INDEX oauth2_authorization_state ON oauth2_authorization USING hash (state);
CREATE INDEX oauth2_authorization_code ON oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_access ON oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_refresh ON oauth2_authorization USING hash (refresh_token_value);
CREATE INDEX oauth2_authorization_created ON oauth2_authorization (created_at);
