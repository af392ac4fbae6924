/**
 * Repositories: the signed {@link dev.skein.core.repo.Commit} at the root of each account's MST.
 *
 * <p>Signing is behind two one-method interfaces, {@link dev.skein.core.repo.Signer} and
 * {@link dev.skein.core.repo.SignatureVerifier}, so that a key held elsewhere (a remote signer, a hardware
 * module) signs commits as easily as an in-process key.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository">repository</a>,
 * <a href="https://atproto.com/specs/sync">sync</a>.
 */
package dev.skein.core.repo;
