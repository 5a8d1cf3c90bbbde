-- The session's state machine and its progress: internal state, agent fields, PSP configuration,
-- call, amounts (split, surcharge, additional payments), inactivity timeout and, per card field,
-- capture state and digit count. Of the card only the number's brand and last four are stored,
-- once complete. One ALTER per column: H2 and PostgreSQL agree on that form.

ALTER TABLE payment_session ADD COLUMN state VARCHAR(16) DEFAULT 'CREATED' NOT NULL;
ALTER TABLE payment_session ADD COLUMN customer_name VARCHAR(100);
ALTER TABLE payment_session ADD COLUMN customer_address VARCHAR(200);
ALTER TABLE payment_session ADD COLUMN customer_postcode VARCHAR(16);
ALTER TABLE payment_session ADD COLUMN customer_email VARCHAR(254);
ALTER TABLE payment_session ADD COLUMN psp_configuration VARCHAR(64) DEFAULT 'sandbox' NOT NULL;
ALTER TABLE payment_session ADD COLUMN call_reference VARCHAR(128);
ALTER TABLE payment_session ADD COLUMN api_client_id VARCHAR(64);
ALTER TABLE payment_session ADD COLUMN payment_minor BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payment_session ADD COLUMN paid_minor BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payment_session ADD COLUMN surcharge_bps INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE payment_session ADD COLUMN surcharge_accepted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE payment_session ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE payment_session ADD COLUMN additional_payments INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE payment_session ADD COLUMN current_additional BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE payment_session ADD COLUMN card_on_file BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE payment_session ADD COLUMN any_approved BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE payment_session ADD COLUMN last_transaction_id VARCHAR(36);
ALTER TABLE payment_session ADD COLUMN inactivity_seconds BIGINT DEFAULT 300 NOT NULL;
ALTER TABLE payment_session ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE payment_session ADD COLUMN last_activity_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE payment_session ADD COLUMN number_state VARCHAR(16) DEFAULT 'NOT_REQUESTED' NOT NULL;
ALTER TABLE payment_session ADD COLUMN number_digits INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE payment_session ADD COLUMN number_brand VARCHAR(16);
ALTER TABLE payment_session ADD COLUMN number_last_four VARCHAR(4);
ALTER TABLE payment_session ADD COLUMN expiry_state VARCHAR(16) DEFAULT 'NOT_REQUESTED' NOT NULL;
ALTER TABLE payment_session ADD COLUMN expiry_digits INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE payment_session ADD COLUMN security_code_state VARCHAR(16) DEFAULT 'NOT_REQUESTED' NOT NULL;
ALTER TABLE payment_session ADD COLUMN security_code_digits INTEGER DEFAULT 0 NOT NULL;

UPDATE payment_session SET state = 'CANCELLED' WHERE status = 'CANCELLED';
UPDATE payment_session SET payment_minor = amount_minor, last_activity_at = updated_at;
ALTER TABLE payment_session ALTER COLUMN last_activity_at SET NOT NULL;

CREATE INDEX payment_session_call ON payment_session (call_reference);
CREATE INDEX payment_session_created ON payment_session (created_at, id);
CREATE INDEX payment_session_client ON payment_session (api_client_id);
CREATE INDEX payment_session_state ON payment_session (state, last_activity_at);
