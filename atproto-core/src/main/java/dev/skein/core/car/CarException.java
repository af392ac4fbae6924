package dev.skein.core.car;

/** Bytes that are not a well-formed CAR v1 file, or that exceed a {@link CarLimits reading limit}. */
public final class CarException extends IllegalArgumentException {
    /** Why the CAR was rejected. */
    public enum Reason {
        /** The input ended inside the header or a block section. */
        TRUNCATED,
        /** A length prefix is not a minimal unsigned varint of at most 9 bytes. */
        MALFORMED_VARINT,
        /** The header is not a DRISL map of exactly {@code roots} (array of links) and {@code version}. */
        INVALID_HEADER,
        /** The header's {@code version} is not 1 (CARv2 starts with a version-2 pragma). */
        UNSUPPORTED_VERSION,
        /** The header is longer than {@link CarLimits#maxHeaderBytes()}. */
        HEADER_TOO_LARGE,
        /** A section is empty or does not start with a valid binary CID. */
        INVALID_SECTION,
        /** A block's bytes do not hash to its CID. */
        CID_MISMATCH,
        /** A block is larger than {@link CarLimits#maxBlockBytes()}. */
        BLOCK_TOO_LARGE,
        /** The CAR has more blocks than {@link CarLimits#maxBlocks()}. */
        TOO_MANY_BLOCKS,
        /** The CAR is longer than {@link CarLimits#maxTotalBytes()}. */
        TOO_LARGE,
        /** The CAR has no root, or a root that a caller needs is missing. */
        MISSING_ROOT
    }

    private final Reason reason;

    public CarException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CarException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
