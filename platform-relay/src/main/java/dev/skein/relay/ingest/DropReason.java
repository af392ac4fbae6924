package dev.skein.relay.ingest;

import java.util.Locale;

/** Why the relay did not pass an upstream frame on. Each is counted under its {@link #metricTag()}. */
public enum DropReason {
    /** Not a valid frame: bad framing or DRISL, or a payload the lexicon forbids. */
    INVALID_FRAME,
    /** A well-formed frame of a type the relay does not know; skipped as the event-stream spec says. */
    UNKNOWN_MESSAGE,
    /** An {@code #info} message: about the upstream stream itself, not an event. */
    UPSTREAM_INFO,
    /** An error frame: the upstream closes the stream after it. */
    UPSTREAM_ERROR,
    /** The upstream sequence number did not increase on this connection. */
    SEQ_NOT_INCREASING,
    /** The account's DID did not resolve. */
    IDENTITY_UNRESOLVED,
    /** The DID document has no usable {@code #atproto} signing key. */
    NO_SIGNING_KEY,
    /** The DID document's {@code #atproto_pds} endpoint is not the host the frame came from. */
    WRONG_HOST,
    /** The host already has as many accounts as its limit allows. */
    HOST_ACCOUNT_LIMIT,
    /** The account is not active (deactivated, taken down, deleted, …). */
    ACCOUNT_INACTIVE,
    /** The rev is further in the future than the clock drift tolerance. */
    REV_IN_FUTURE,
    /** The rev is not after the last verified one: a replay or a rollback. */
    REV_NOT_NEWER,
    /** {@code blocks} is not a valid CAR, or a block does not hash to its CID. */
    INVALID_CAR,
    /** The commit block is missing, not the CAR's root, or malformed. */
    INVALID_COMMIT,
    /** The event's account or rev differs from the signed commit's. */
    FIELD_MISMATCH,
    /** The signature does not verify with the account's current key (after a refresh of its identity). */
    BAD_SIGNATURE,
    /** {@code rebase} or {@code tooBig} is set. */
    DEPRECATED_FLAG,
    /** {@code prevData}, or {@code prev} on an update or delete, is missing. */
    MISSING_PREV,
    /** A created or updated record's block is not in the CAR. */
    MISSING_RECORD_BLOCK,
    /** The operations do not match the tree (or name one path twice). */
    OP_MISMATCH,
    /** The CAR lacks an MST node needed to invert the operations. */
    MISSING_PROOF_BLOCK,
    /** An MST node in the CAR is malformed. */
    INVALID_MST,
    /** Inverting the operations does not give back the event's {@code prevData}. */
    INVERSION_MISMATCH,
    /** {@code since} or {@code prevData} does not continue the last verified commit: the account is resynchronised. */
    CHAIN_BROKEN,
    /** The account is desynchronised and its resync failed or its queue is full. */
    DESYNCHRONIZED,
    /** Handling the frame failed unexpectedly (a defect, logged with its stack trace); the stream goes on. */
    INTERNAL_ERROR;

    /** The lowercase name used as the metric tag and in logs. */
    public String metricTag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
