-- Record keys and collections sort in byte order, as the MST and the reference PDS order them (listRecords,
-- describeRepo); the database's default collation would sort them by language rules. H2 compares strings
-- by UTF-16 code unit, which for these ASCII columns is byte order already, so this runs on PostgreSQL only.
ALTER TABLE record ALTER COLUMN collection TYPE VARCHAR(317) COLLATE "C";
ALTER TABLE record ALTER COLUMN rkey TYPE VARCHAR(512) COLLATE "C";
