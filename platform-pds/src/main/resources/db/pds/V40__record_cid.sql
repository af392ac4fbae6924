-- Which current records have a given content: a record block is deleted when the last record row that
-- points to it goes (two records may have the same content, hence the same block).
CREATE INDEX record_cid ON record (did, cid);
