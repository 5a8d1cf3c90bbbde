-- Payment sessions: the durable shadow of each stateful session bean. No card data, ever.
CREATE TABLE payment_session (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    mode               VARCHAR(16)  NOT NULL,
    transaction_type   VARCHAR(16)  NOT NULL,
    amount_minor       BIGINT       NOT NULL,
    currency           CHAR(3)      NOT NULL,
    merchant_reference VARCHAR(64),
    status             VARCHAR(32)  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT       NOT NULL
);

CREATE INDEX payment_session_status ON payment_session (status);
