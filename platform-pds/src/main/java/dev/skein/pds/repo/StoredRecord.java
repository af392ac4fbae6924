package dev.skein.pds.repo;

import java.util.Objects;

/**
 * A current record of a repository, as stored; {@link RepoReader#value} decodes it.
 *
 * @param uri its AT-URI, as text ({@code at://<did>/<collection>/<rkey>})
 * @param rkey its record key
 * @param cid its CID as stored: the canonical base32 form, which is what responses carry, so it is neither
 *     parsed nor encoded again on the way out
 * @param bytes its DRISL bytes (never re-encoded: what was committed is what is served)
 */
public record StoredRecord(String uri, String rkey, String cid, byte[] bytes) {
    public StoredRecord {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(rkey, "rkey");
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(bytes, "bytes");
    }
}
