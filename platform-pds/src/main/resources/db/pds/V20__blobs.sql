-- Blobs accounts uploaded (the bytes are files on disk, see BlobFiles), and which records reference
-- which blob. A blob no record references is collected once it is older than the grace period;
-- uploaded_at is refreshed when the same blob is uploaded again.
CREATE TABLE blob (
    did         VARCHAR(2048) NOT NULL REFERENCES account (did) ON DELETE CASCADE,
    cid         VARCHAR(128) NOT NULL,
    mime_type   VARCHAR(256) NOT NULL,           -- as sniffed from the bytes, else as the client declared it
    size        BIGINT NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (did, cid)
);
CREATE INDEX blob_uploaded_at ON blob (uploaded_at);

-- One row per blob a current record references; rev is that record version's commit.
CREATE TABLE record_blob (
    did        VARCHAR(2048) NOT NULL REFERENCES account (did) ON DELETE CASCADE,
    collection VARCHAR(317) NOT NULL,
    rkey       VARCHAR(512) NOT NULL,
    blob_cid   VARCHAR(128) NOT NULL,
    rev        VARCHAR(13) NOT NULL,
    PRIMARY KEY (did, collection, rkey, blob_cid)
);
CREATE INDEX record_blob_cid ON record_blob (did, blob_cid);
