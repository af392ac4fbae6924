-- The replay window of subscribeRepos. Events are deleted from repo_seq once older than the window;
-- pruned_through is the highest seq that may have been deleted that way, so a consumer whose cursor is
-- below it has missed events (#info OutdatedCursor). Events purged with a deleted account do not count:
-- nobody needs them.
CREATE TABLE repo_seq_retention (
    id             INT NOT NULL PRIMARY KEY,
    pruned_through BIGINT NOT NULL
);
INSERT INTO repo_seq_retention (id, pruned_through) VALUES (1, 0);
