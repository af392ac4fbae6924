/**
 * atproto cryptography: the K-256 and P-256 curves, signing and strict verification of compact low-S
 * ECDSA signatures over SHA-256, and the {@code did:key} and Multikey encodings of public keys.
 *
 * <p>Entry points: {@link dev.skein.core.crypto.SigningKey} to sign, {@link dev.skein.core.crypto.DidKey}
 * or {@link dev.skein.core.crypto.Multikey} to parse a key, {@link dev.skein.core.crypto.PublicKey#verify}
 * to verify.
 *
 * <p>Tricky bits: the low-S rule is checked explicitly, because a high-S signature is still
 * mathematically valid; verification never accepts DER; {@code verifyLenient} exists only for inter-service
 * JWTs, which the reference verifies with {@code allowMalleableSig}.
 *
 * <p>Spec: <a href="https://atproto.com/specs/cryptography">https://atproto.com/specs/cryptography</a>.
 */
package dev.skein.core.crypto;
