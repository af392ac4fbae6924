package dev.skein.core.car;

/**
 * Resource limits for reading an untrusted CAR. Going over one is a {@link CarException}, never an
 * out-of-memory error.
 *
 * @param maxTotalBytes largest CAR accepted, header and all sections included
 * @param maxBlockBytes largest block (the bytes after the CID in a section)
 * @param maxBlocks most sections (duplicates count)
 * @param maxHeaderBytes largest DRISL header
 */
public record CarLimits(long maxTotalBytes, int maxBlockBytes, long maxBlocks, int maxHeaderBytes) {
    /** Blocks are records (at most 1 MB each by the sync spec), MST nodes and commits: 2 MiB leaves room. */
    public static final int DEFAULT_MAX_BLOCK_BYTES = 2 * 1024 * 1024;
    /** A header with a handful of roots is well under a kilobyte. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 64 * 1024;
    /** A repository export: generous, for repositories of some million records. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 1L << 32;
    public static final long DEFAULT_MAX_BLOCKS = 10_000_000;
    /** The sync spec's hard limit on the {@code blocks} of a {@code #commit} event. */
    public static final long COMMIT_SLICE_MAX_BYTES = 2_000_000;
    /** Records in a {@code #commit} slice are limited to one million bytes by the sync spec. */
    public static final int COMMIT_SLICE_MAX_BLOCK_BYTES = 1_000_000;

    /** Defaults for repository exports. */
    public static final CarLimits DEFAULT = new CarLimits(
            DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_BLOCK_BYTES, DEFAULT_MAX_BLOCKS, DEFAULT_MAX_HEADER_BYTES);
    /** The CAR slice of a firehose {@code #commit} or {@code #sync} event. */
    public static final CarLimits COMMIT_SLICE = new CarLimits(
            COMMIT_SLICE_MAX_BYTES, COMMIT_SLICE_MAX_BLOCK_BYTES, DEFAULT_MAX_BLOCKS, DEFAULT_MAX_HEADER_BYTES);

    public CarLimits {
        if (maxTotalBytes <= 0 || maxBlockBytes < 0 || maxBlocks < 0 || maxHeaderBytes <= 0) {
            throw new IllegalArgumentException("CAR limits must be positive");
        }
    }
}
