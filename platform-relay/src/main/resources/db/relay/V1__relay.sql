-- The relay's own event log: every event it passed on, under its own sequence number, with the time it was
-- sequenced in microseconds (Jetstream cursors). An event takes span_us consecutive microseconds from time_us on
-- (a commit one per op, at least one), so that every Jetstream event has its own cursor.
CREATE TABLE relay_event (
    seq BIGINT PRIMARY KEY,
    did VARCHAR(2048) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    time_us BIGINT NOT NULL,
    span_us INT NOT NULL,
    frame BYTEA NOT NULL
);
CREATE INDEX relay_event_time_us ON relay_event (time_us);

-- Upstream PDS hosts: where to resume (the last upstream seq processed), their status and limits.
CREATE TABLE relay_host (
    hostname VARCHAR(260) PRIMARY KEY,
    cursor_seq BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    account_limit BIGINT NOT NULL,
    events_per_second INT NOT NULL,
    ssl BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_event_at TIMESTAMP WITH TIME ZONE
);

-- Accounts: their host, status upstream and here, the last verified commit and key, and whether the chain broke.
CREATE TABLE relay_account (
    did VARCHAR(2048) PRIMARY KEY,
    host VARCHAR(260) NOT NULL,
    upstream_status VARCHAR(32) NOT NULL,
    taken_down BOOLEAN NOT NULL,
    rev VARCHAR(13),
    data_cid VARCHAR(128),
    commit_cid VARCHAR(128),
    signing_key VARCHAR(256),
    desynchronized BOOLEAN NOT NULL
);
CREATE INDEX relay_account_host ON relay_account (host);
