/**
 * Byte-to-text encodings used across atproto, such as base58btc for {@code did:key} and Multikey values.
 *
 * <p>Spec: <a href="https://atproto.com/specs/cryptography#public-key-encoding">cryptography: public key encoding</a>.
 */
package dev.skein.core.encoding;
