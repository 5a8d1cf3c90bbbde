-- Idempotency-Key records of the integrator API (24 hours). A row without response_status is a
-- request still being answered. Response bodies are API responses, which never carry card data.
CREATE TABLE idempotent_request (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    api_client_id    VARCHAR(64)   NOT NULL,
    idempotency_key  VARCHAR(255)  NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    response_status  INTEGER,
    response_type    VARCHAR(128),
    response_location VARCHAR(2048),
    response_body    TEXT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotent_request_client_key UNIQUE (api_client_id, idempotency_key)
);

CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
