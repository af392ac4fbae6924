package dev.skein.core.data;

/**
 * Resource limits for decoding untrusted data (DRISL or JSON). Every decoder takes one; exceeding a limit
 * is a typed error, never an out-of-memory or stack overflow.
 *
 * @param maxBytes largest input accepted, in bytes
 * @param maxDepth deepest nesting of arrays and maps (the top-level value is depth 1)
 * @param maxContainerElements most elements in one array or entries in one map
 * @param maxKeyBytes longest map key, in UTF-8 bytes
 */
public record DataLimits(long maxBytes, int maxDepth, int maxContainerElements, int maxKeyBytes) {
    /** A record: at most 1 MiB (atproto's data-validation guidance), 32 levels, 131,072 elements, 8 KiB keys. */
    public static final DataLimits RECORD = new DataLimits(1 << 20, 32, 131_072, 8_192);
    /** A firehose frame or other protocol message: up to 5 MB. */
    public static final DataLimits FRAME = new DataLimits(5_000_000, 32, 131_072, 8_192);

    public DataLimits {
        if (maxBytes <= 0 || maxDepth <= 0 || maxContainerElements < 0 || maxKeyBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
