-- The did:plc directory: one row per DID (the row writers lock), and every operation ever accepted, nullified
-- ones included (the audit log). The same SQL runs on PostgreSQL and H2.

CREATE TABLE dids (
    did        VARCHAR(64) NOT NULL PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- operation: the signed operation as JSON, exactly as accepted (its strings are what was signed).
-- created_at: when the directory accepted it, in milliseconds; strictly increasing within a DID.
CREATE TABLE operations (
    did        VARCHAR(64) NOT NULL REFERENCES dids (did),
    cid        VARCHAR(128) NOT NULL,
    operation  VARCHAR NOT NULL,
    nullified  BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (did, cid)
);

CREATE INDEX operations_did_created_at ON operations (did, created_at);
CREATE INDEX operations_created_at ON operations (created_at, cid);
