-- Every request made to the PSP for a session: sale, pre-authorisation, tokenisation, refund, and
-- what became of it. Card facts stored: brand, first six, last four, PSP token and reference only.
CREATE TABLE payment_transaction (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    session_id         VARCHAR(36)  NOT NULL,
    call_reference     VARCHAR(128),
    api_client_id      VARCHAR(64),
    transaction_type   VARCHAR(16)  NOT NULL,
    amount_minor       BIGINT       NOT NULL,
    currency           CHAR(3)      NOT NULL,
    surcharge_minor    BIGINT       NOT NULL,
    additional         BOOLEAN      NOT NULL,
    outcome            VARCHAR(16)  NOT NULL,
    decline_reason     VARCHAR(32),
    psp_configuration  VARCHAR(64)  NOT NULL,
    psp_reference      VARCHAR(128),
    psp_token          VARCHAR(255),
    brand              VARCHAR(16),
    first_six          CHAR(6),
    last_four          CHAR(4),
    idempotency_key    VARCHAR(48)  NOT NULL,
    refund_of          VARCHAR(36),
    refunded_minor     BIGINT       NOT NULL,
    refunded_currency  CHAR(3)      NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT       NOT NULL,
    CONSTRAINT payment_transaction_session FOREIGN KEY (session_id) REFERENCES payment_session (id),
    CONSTRAINT payment_transaction_refund_of FOREIGN KEY (refund_of) REFERENCES payment_transaction (id),
    CONSTRAINT payment_transaction_key UNIQUE (idempotency_key)
);

CREATE INDEX payment_transaction_by_session ON payment_transaction (session_id, created_at);
CREATE INDEX payment_transaction_by_call ON payment_transaction (call_reference, created_at);
CREATE INDEX payment_transaction_unknown ON payment_transaction (outcome, created_at);
