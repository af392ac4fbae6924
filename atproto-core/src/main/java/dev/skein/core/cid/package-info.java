/**
 * Content identifiers (CIDs): the hash links that tie records, MST nodes and commits together.
 *
 * <p>atproto blesses CIDv1 with the dag-cbor (DRISL, {@code 0x71}) or raw ({@code 0x55}) codec and a
 * sha2-256 multihash, written as multibase base32 ({@code bafyrei…}, {@code bafkrei…}). Links from the
 * MST to records may carry other CIDs, so {@link dev.skein.core.cid.Cid} keeps any well-formed CIDv1
 * exactly as it was given and says whether it is {@linkplain dev.skein.core.cid.Cid#isBlessed() blessed}.
 *
 * <p>Spec: <a href="https://atproto.com/specs/data-model#link-and-cid-formats">data model: link and CID formats</a>.
 */
package dev.skein.core.cid;
