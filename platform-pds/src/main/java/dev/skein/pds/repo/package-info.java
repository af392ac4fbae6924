/**
 * Account repositories in the PDS's database: the blocks of every commit ({@code repo_block}), the current
 * commit ({@code repo_root}) and the current records ({@code record}), written together with the commit
 * that made them.
 *
 * <p>Writes go through {@link dev.skein.pds.repo.RepoService}: prepared in the caller's thread
 * ({@link dev.skein.pds.repo.RecordPreparer}), then applied by the repository's writer with group commit
 * ({@code RepoWriter}: every call queued for a repository becomes its own signed commit and
 * {@code #commit} event, and the batch is made durable in one transaction). Reads are
 * {@link dev.skein.pds.repo.RepoReader}'s; {@link dev.skein.pds.repo.RepoAccess} decides which repository a
 * call names and whether it is served.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository">repository</a>.
 */
package dev.skein.pds.repo;
