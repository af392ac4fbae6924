package dev.skein.core.car;

/** Whether a {@link CarReader} hashes each block and compares it with the block's CID. */
public enum CidVerification {
    /** Hash every block (sha2-256) and reject one whose CID does not match: for anything untrusted. */
    VERIFY,
    /** Trust the CIDs: only for CARs this process wrote itself. */
    SKIP
}
