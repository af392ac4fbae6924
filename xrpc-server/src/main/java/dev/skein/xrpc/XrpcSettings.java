package dev.skein.xrpc;

/**
 * How a dispatcher behaves, beyond its methods.
 *
 * @param version what {@code /xrpc/_health} reports as {@code version}
 * @param maxJsonInputBytes the largest JSON body a procedure accepts unless it says otherwise (413 above)
 * @param maxBinaryInputBytes the largest raw body ({@link XrpcMethod.Input#BYTES}) unless the method says otherwise
 * @param validateOutput whether JSON output is checked against the method's lexicon (a failure is a 500);
 *     for tests and development, where a wrong response should fail loudly
 * @param subscriptions WebSocket subscription settings
 */
public record XrpcSettings(String version, long maxJsonInputBytes, long maxBinaryInputBytes, boolean validateOutput,
                           SubscriptionSettings subscriptions) {
    /** The reference PDS's JSON limit for record writes. */
    public static final long DEFAULT_MAX_JSON_BYTES = 1_000_000;
    /** The reference PDS's default blob upload limit (5 MiB). */
    public static final long DEFAULT_MAX_BINARY_BYTES = 5L * 1024 * 1024;

    public XrpcSettings {
        if (maxJsonInputBytes <= 0 || maxBinaryInputBytes <= 0) {
            throw new IllegalArgumentException("input limits must be positive");
        }
        if (version == null || version.isBlank()) {
            version = "unknown";
        }
    }

    public static XrpcSettings defaults(String version) {
        return new XrpcSettings(version, DEFAULT_MAX_JSON_BYTES, DEFAULT_MAX_BINARY_BYTES, false,
                SubscriptionSettings.DEFAULT);
    }

    public XrpcSettings withValidateOutput(boolean validate) {
        return new XrpcSettings(version, maxJsonInputBytes, maxBinaryInputBytes, validate, subscriptions);
    }

    public XrpcSettings withSubscriptions(SubscriptionSettings settings) {
        return new XrpcSettings(version, maxJsonInputBytes, maxBinaryInputBytes, validateOutput, settings);
    }
}
