-- IVR sessions (mode IVR): the prompts' language, what happens to the call after the outcome
-- (HANG_UP or TRANSFER_BACK), the link id and transfer destination the caller is transferred with
-- (kept only while the session waits for its call: cleared once the call is linked or the session
-- ends) and the failed attempts at the card field being captured. No card data.

ALTER TABLE payment_session ADD COLUMN ivr_language VARCHAR(16);
ALTER TABLE payment_session ADD COLUMN ivr_after VARCHAR(16);
ALTER TABLE payment_session ADD COLUMN ivr_link_id VARCHAR(16);
ALTER TABLE payment_session ADD COLUMN ivr_transfer_to VARCHAR(255);
ALTER TABLE payment_session ADD COLUMN ivr_failed_attempts INTEGER DEFAULT 0 NOT NULL;
