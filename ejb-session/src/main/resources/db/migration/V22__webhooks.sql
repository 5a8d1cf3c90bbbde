-- Webhook subscriptions of API clients, and the transactional outbox of deliveries: one row per
-- (event, subscription), written in the transaction that changed the session. Payloads carry ids,
-- statuses and times only, never card data.
CREATE TABLE webhook_subscription (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    api_client_id  VARCHAR(64)   NOT NULL,
    url            VARCHAR(2048) NOT NULL,
    secret         VARCHAR(128)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX webhook_subscription_client ON webhook_subscription (api_client_id);

CREATE TABLE webhook_delivery (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    subscription_id  VARCHAR(36)   NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         VARCHAR(36)   NOT NULL,
    event_type       VARCHAR(64)   NOT NULL,
    payload          TEXT          NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_outcome     VARCHAR(255),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (state, next_attempt_at);
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id);
