-- Leak sentinel incidents of a session's call (telephony event LEAK_SUSPECTED): how many, so that the
-- session API can show them; each is also an audit entry security.leak_suspected.
ALTER TABLE payment_session ADD COLUMN security_incidents INTEGER DEFAULT 0 NOT NULL;
