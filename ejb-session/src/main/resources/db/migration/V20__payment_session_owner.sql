-- The API client that created a session owns it: other clients see 404. Sessions opened outside
-- the API (agent console) have none and are visible to no API client.
ALTER TABLE payment_session ADD COLUMN api_client_id VARCHAR(64);

CREATE INDEX payment_session_api_client ON payment_session (api_client_id);
