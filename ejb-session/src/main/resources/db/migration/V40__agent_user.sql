-- Users of the agent console. Passwords are stored only as salted PBKDF2 hashes. Roles are a
-- space-separated subset of: agent supervisor administrator. current_session_id is the payment
-- session an agent is working on, so that signing in again (after an expired HTTP session) finds it.
CREATE TABLE agent_user (
    user_name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash      VARCHAR(255) NOT NULL,
    roles              VARCHAR(64)  NOT NULL,
    current_session_id VARCHAR(36),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT       NOT NULL
);
