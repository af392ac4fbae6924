-- The PDS's tables. The same SQL runs on PostgreSQL and H2. Times are TIMESTAMP WITH TIME ZONE (UTC);
-- CIDs are their base32 text form; record keys, revs and NSIDs are their string forms.

-- Accounts hosted here. A deleted account keeps its row (status 'deleted', no handle, email, password
-- or key) so that its DID is never handed out again and admins can see what happened to it.
CREATE TABLE account (
    did            VARCHAR(2048) NOT NULL PRIMARY KEY,
    handle         VARCHAR(253) UNIQUE,          -- lowercase
    email          VARCHAR(254) UNIQUE,          -- lowercase; NULL when the account has none
    password_hash  VARCHAR(256),                 -- scrypt, with its parameters; NULL: no password login
    status         VARCHAR(16) NOT NULL,         -- active, deactivated, takendown, deleted
    takedown_ref   VARCHAR(512),
    signing_key    BYTEA,                        -- the repo signing key, sealed with AES-GCM (see KeyEncryption)
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    deactivated_at TIMESTAMP WITH TIME ZONE,
    delete_after   TIMESTAMP WITH TIME ZONE
);

-- Refresh tokens by their JWT id. A used token gets next_id (the token that replaced it) and an
-- expiry shortened to the grace period; a revoked token is deleted.
CREATE TABLE refresh_token (
    id                VARCHAR(64) NOT NULL PRIMARY KEY,
    did               VARCHAR(2048) NOT NULL REFERENCES account (did) ON DELETE CASCADE,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    app_password_name VARCHAR(64),
    next_id           VARCHAR(64)
);
CREATE INDEX refresh_token_did ON refresh_token (did);

CREATE TABLE app_password (
    did           VARCHAR(2048) NOT NULL REFERENCES account (did) ON DELETE CASCADE,
    name          VARCHAR(64) NOT NULL,
    password_hash VARCHAR(256) NOT NULL,
    privileged    BOOLEAN NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (did, name)
);

-- One-time tokens an account asked for (e.g. 'delete_account'), stored as SHA-256 hex.
CREATE TABLE account_token (
    did        VARCHAR(2048) NOT NULL REFERENCES account (did) ON DELETE CASCADE,
    purpose    VARCHAR(32) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (did, purpose)
);

-- The repository of each account: its current signed commit...
CREATE TABLE repo_root (
    did        VARCHAR(2048) NOT NULL PRIMARY KEY REFERENCES account (did) ON DELETE CASCADE,
    commit_cid VARCHAR(128) NOT NULL,
    rev        VARCHAR(13) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- ...every block of it (commits, MST nodes, records), with the rev of the commit that added it...
CREATE TABLE repo_block (
    did   VARCHAR(2048) NOT NULL REFERENCES account (did) ON DELETE CASCADE,
    cid   VARCHAR(128) NOT NULL,
    rev   VARCHAR(13) NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (did, cid)
);
CREATE INDEX repo_block_rev ON repo_block (did, rev);

-- ...and its current records, for listing and reading without walking the MST. bytes are the record's
-- DRISL bytes, the same as its block.
CREATE TABLE record (
    did        VARCHAR(2048) NOT NULL REFERENCES account (did) ON DELETE CASCADE,
    collection VARCHAR(317) NOT NULL,
    rkey       VARCHAR(512) NOT NULL,
    cid        VARCHAR(128) NOT NULL,
    rev        VARCHAR(13) NOT NULL,
    bytes      BYTEA NOT NULL,
    indexed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (did, collection, rkey)
);

-- The event log behind subscribeRepos. seq comes from sequencer_state, whose one row every sequencing
-- transaction locks: seqs are then committed in order (a reader never sees 5 before 4 commits) and,
-- being a counter rather than MAX(seq) + 1, never reused after events are purged. event is the whole
-- frame, header then body, with its seq, exactly as it is sent. No foreign key: a deleted account's last
-- events stay.
CREATE TABLE repo_seq (
    seq          BIGINT NOT NULL PRIMARY KEY,
    did          VARCHAR(2048) NOT NULL,
    event_type   VARCHAR(16) NOT NULL,           -- #commit, #sync, #identity, #account
    event        BYTEA NOT NULL,
    sequenced_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX repo_seq_did ON repo_seq (did, seq);
CREATE INDEX repo_seq_sequenced_at ON repo_seq (sequenced_at);

CREATE TABLE sequencer_state (
    id       INT NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
INSERT INTO sequencer_state (id, last_seq) VALUES (1, 0);
