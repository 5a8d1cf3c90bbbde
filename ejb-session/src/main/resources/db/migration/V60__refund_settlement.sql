-- Settling SCHEDULED refunds with back-off and a maximum age (RefundSettlements): how often a refund
-- was checked without settling, when it is checked next (NULL: not checked yet), and when automatic
-- checks stopped because it grew too old (it then needs manual reconciliation).
ALTER TABLE payment_transaction ADD COLUMN settle_checks INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE payment_transaction ADD COLUMN next_settle_check TIMESTAMP WITH TIME ZONE;
ALTER TABLE payment_transaction ADD COLUMN reconciliation_required_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX payment_transaction_settlement ON payment_transaction (outcome, next_settle_check);
