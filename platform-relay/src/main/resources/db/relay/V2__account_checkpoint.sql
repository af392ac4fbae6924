-- How far relay_account is current. The sequencer writes an account's state with the event that changed it, except
-- when only its last commit (rev, data_cid, commit_cid) changed: that is in the logged #commit or #sync event
-- itself, so the account row is written later, at a checkpoint, and the events logged after the checkpoint's seq
-- bring the rows up to date on start. Every row was written through when this table was added.
CREATE TABLE relay_checkpoint (
    name VARCHAR(64) PRIMARY KEY,
    seq BIGINT NOT NULL
);
INSERT INTO relay_checkpoint (name, seq) SELECT 'accounts', COALESCE(MAX(seq), 0) FROM relay_event;
