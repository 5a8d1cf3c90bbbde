-- The append-only, hash-chained audit trail. Each entry stores SHA-256 over the previous entry's
-- hash and its own canonical form; the single head row holds the last sequence and hash, is locked
-- by every append (entries are chained one after another) and lets verification notice entries
-- deleted from the end. The application never updates or deletes entries.
CREATE TABLE audit_entry (
    sequence_number BIGINT        NOT NULL PRIMARY KEY,
    session_id      VARCHAR(36),
    event_type      VARCHAR(64)   NOT NULL,
    detail          VARCHAR(1000) NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_hash   CHAR(64)      NOT NULL,
    entry_hash      CHAR(64)      NOT NULL
);

CREATE INDEX audit_entry_by_session ON audit_entry (session_id, sequence_number);

CREATE TABLE audit_chain_head (
    id            INTEGER  NOT NULL PRIMARY KEY,
    last_sequence BIGINT   NOT NULL,
    last_hash     CHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
