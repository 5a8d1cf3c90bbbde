-- The pairing code an agent-assisted session shows until the agent dials it on the call (then the
-- call is linked and the code is used up). Allocated by the telephony adapter; not card data.

ALTER TABLE payment_session ADD COLUMN pairing_code VARCHAR(10);
