/**
 * A small atproto client, usable beyond the command line (the agent runtime is meant to reuse it), on the
 * {@code xrpc-client} module's {@link dev.skein.xrpc.client.XrpcClient} (errors as
 * {@link dev.skein.xrpc.client.XrpcError}): sessions that refresh on {@code ExpiredToken}
 * ({@link dev.skein.cli.client.AuthenticatedPds}) and a per-user session file, and DID resolution to signing keys
 * ({@link dev.skein.cli.client.IdentityResolver}). A whole repository export is verified with atproto-core's
 * {@link dev.skein.core.repo.RepoExportVerifier}, as the relay verifies one.
 */
package dev.skein.cli.client;
