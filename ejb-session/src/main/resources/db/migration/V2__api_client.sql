-- API clients of the integrator API (OAuth2 client credentials). Secrets are stored only as
-- salted PBKDF2 hashes.
CREATE TABLE api_client (
    client_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret_hash  VARCHAR(255) NOT NULL,
    scopes       VARCHAR(255) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT       NOT NULL
);
