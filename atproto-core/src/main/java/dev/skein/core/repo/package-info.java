/**
 * Repositories: the signed {@link dev.skein.core.repo.Commit} at the root of each account's MST, the
 * {@link dev.skein.core.repo.Repository} at one commit, and the two sides of repository sync.
 *
 * <ul>
 *   <li>Producing: {@link dev.skein.core.repo.Repository#apply} turns a batch of
 *       {@link dev.skein.core.repo.RepoWrite}s into the next signed commit, a
 *       {@link dev.skein.core.repo.RepoCommit} holding the firehose operations (with {@code prev} on
 *       updates and deletes), {@code since}, {@code prevData} and the CAR slice of the {@code #commit}
 *       event: the commit, the new MST nodes, the created and updated records and each operation's
 *       covering proof.</li>
 *   <li>Consuming: {@link dev.skein.core.repo.CommitVerifier} checks a received {@code #commit} or
 *       {@code #sync} against the signed data it carries, and (Sync 1.1) inverts a commit's operations on
 *       the partial tree of its slice back to {@code prevData}.</li>
 * </ul>
 *
 * <p>Signing is behind two one-method interfaces, {@link dev.skein.core.repo.Signer} and
 * {@link dev.skein.core.repo.SignatureVerifier}, so that a key held elsewhere (a remote signer, a hardware
 * module) signs commits as easily as an in-process key.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository">repository</a>,
 * <a href="https://atproto.com/specs/sync">sync</a>.
 */
package dev.skein.core.repo;
