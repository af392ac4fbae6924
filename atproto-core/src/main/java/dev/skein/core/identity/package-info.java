/**
 * Identity: DID documents, and the did:plc method's operations, logs and recovery rules.
 *
 * <p>{@link dev.skein.core.identity.DidDocument} reads any DID document the way atproto does, for every
 * DID method: the claimed handle (first valid {@code at://} alias), the signing key ({@code #atproto}
 * verification method, Multikey or legacy) and the PDS ({@code #atproto_pds} service), with relative or
 * absolute entry ids.
 *
 * <p>did:plc: {@link dev.skein.core.identity.PlcOp} is an operation ({@link dev.skein.core.identity.PlcOperation},
 * {@link dev.skein.core.identity.PlcTombstone}, or the legacy {@link dev.skein.core.identity.PlcLegacyCreate}),
 * signed over its DRISL encoding without {@code sig} by a rotation key; the DID is a hash of the signed
 * genesis operation. {@link dev.skein.core.identity.PlcAuditLog} applies the rules by which a directory
 * accepts operations (the {@code prev} chain, signatures, the 72-hour recovery window in which a
 * higher-priority rotation key can nullify later operations, tombstones) and verifies a directory's audit
 * log; {@link dev.skein.core.identity.PlcState} renders the DID document.
 *
 * <p>Tricky bits: operations keep every string exactly as written (keys, {@code sig}), because their
 * bytes are hashed and signed, and old logs hold values newer rules refuse; those rules apply only to new
 * operations ({@link dev.skein.core.identity.PlcOperation#checkConstraints()}). {@code prev} is a CID
 * <em>string</em> in the encoding, not a link. A genesis operation must carry {@code "prev": null}.
 *
 * <p>Specs: <a href="https://atproto.com/specs/did">DID</a>,
 * <a href="https://web.plc.directory/spec/v0.1/did-plc">did:plc v0.3</a>,
 * <a href="https://atproto.com/specs/cryptography">cryptography</a>.
 */
package dev.skein.core.identity;
