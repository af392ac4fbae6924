/**
 * Byte-to-text encodings used across atproto: multibase base32 (CIDs), base58btc (did:key, Multikey),
 * and unsigned LEB128 varints (CIDs, multicodec prefixes, CAR framing).
 *
 * <p>Spec: <a href="https://atproto.com/specs/data-model#link-and-cid-formats">data model: link and CID formats</a>.
 */
package dev.skein.core.encoding;
