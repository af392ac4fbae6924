/**
 * The cluster's did:plc directory: a private counterpart of {@code plc.directory} that accepts signed
 * operations for the DIDs of this network and serves their DID documents, operation logs and audit logs,
 * with the reference directory's HTTP API, so that {@code @atproto/identity} and a PDS resolve and update
 * our DIDs through it unchanged.
 *
 * <p>{@link dev.skein.plc.PlcConfiguration} is the role; {@link dev.skein.plc.PlcProperties} its settings
 * ({@code skein.plc.*}); {@link dev.skein.plc.PlcDirectory} the service. The method's rules are
 * {@code dev.skein.core.identity}'s; this module adds storage, the per-DID serialisation of writes, limits
 * and HTTP. Other services talk to it over HTTP only.
 *
 * <p>Spec: <a href="https://web.plc.directory/spec/v0.1/did-plc">did:plc</a>,
 * <a href="https://atproto.com/specs/did">DID</a>.
 */
package dev.skein.plc;
