-- Transfers of calls between agents: a call's history (its transactions) follows it to the call it
-- was transferred to, and back.
CREATE TABLE call_transfer (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    from_call_reference VARCHAR(128) NOT NULL,
    to_call_reference   VARCHAR(128) NOT NULL,
    transferred_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX call_transfer_from ON call_transfer (from_call_reference);
CREATE INDEX call_transfer_to ON call_transfer (to_call_reference);
