-- Notifications (webhooks) received from PSPs (Adyen's standard notifications), stored before they
-- are acknowledged and then applied (PspNotifications). One row per authentic item; the same item
-- sent again (Adyen retries) finds its row by dedupe_key and has no second effect. No card data:
-- references are the PSP's and Tonewall's own keys (a merchant reference that is not one of them is
-- not stored), the reason text has every digit masked, additionalData is never stored.
CREATE TABLE psp_notification (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    psp_configuration   VARCHAR(64)  NOT NULL,
    dedupe_key          VARCHAR(200) NOT NULL,
    live                BOOLEAN,
    event_code          VARCHAR(64)  NOT NULL,
    success             BOOLEAN      NOT NULL,
    psp_reference       VARCHAR(64)  NOT NULL,
    original_reference  VARCHAR(64),
    merchant_reference  VARCHAR(80),
    amount_minor        BIGINT,
    currency            CHAR(3),
    reason              VARCHAR(200),
    state               VARCHAR(16)  NOT NULL,
    effect              VARCHAR(255),
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at        TIMESTAMP WITH TIME ZONE,
    version             BIGINT       NOT NULL,
    CONSTRAINT psp_notification_once UNIQUE (dedupe_key)
);

CREATE INDEX psp_notification_pending ON psp_notification (state, received_at);
