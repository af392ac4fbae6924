/**
 * A small atproto client, usable beyond the command line (the agent runtime is meant to reuse it): XRPC calls
 * ({@link dev.skein.cli.client.XrpcClient}) with errors as {@link dev.skein.cli.client.XrpcError}, sessions that
 * refresh on {@code ExpiredToken} ({@link dev.skein.cli.client.AuthenticatedPds}) and a per-user session file,
 * and DID resolution to signing keys ({@link dev.skein.cli.client.IdentityResolver}). A whole repository export is
 * verified with atproto-core's {@link dev.skein.core.repo.RepoExportVerifier}, as the relay verifies one.
 */
package dev.skein.cli.client;
