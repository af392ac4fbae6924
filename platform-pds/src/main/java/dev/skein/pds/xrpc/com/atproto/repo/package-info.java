/**
 * The {@code com.atproto.repo} methods: record writes (through {@link dev.skein.pds.repo.RepoService}),
 * record reads, {@code describeRepo} and blob uploads.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository">repository</a>,
 * <a href="https://atproto.com/specs/blob">blobs</a>.
 */
package dev.skein.pds.xrpc.com.atproto.repo;
