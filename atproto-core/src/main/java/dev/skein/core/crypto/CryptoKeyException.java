package dev.skein.core.crypto;

/**
 * A key, or a textual encoding of one, that atproto does not accept. Carries what was wrong and the
 * offending input (truncated; never private key material).
 */
public final class CryptoKeyException extends IllegalArgumentException {
    /** Longest part of the input repeated in the message. */
    private static final int MAX_INPUT_ECHO = 120;

    /** What was wrong. */
    public enum Reason {
        /** A did:key that does not start with {@code did:key:}. */
        NOT_DID_KEY,
        /** A multibase value that is not base58btc ({@code z}) or whose base58 text is invalid. */
        BAD_MULTIBASE,
        /** A multicodec prefix other than {@code secp256k1-pub} or {@code p256-pub}. */
        UNSUPPORTED_KEY_TYPE,
        /** Key bytes of the wrong length or point format (e.g. uncompressed where compressed is required). */
        BAD_ENCODING,
        /** Bytes that do not encode a point of the curve. */
        NOT_ON_CURVE,
        /** A private key that is not 32 bytes or not in {@code [1, n-1]}. */
        INVALID_PRIVATE_KEY
    }

    private final Reason reason;
    private final Curve curve;
    private final String input;
    private final String detail;

    public CryptoKeyException(Reason reason, Curve curve, String input, String detail) {
        super(reason + (curve == null ? "" : " (" + curve + ")") + ": " + detail
                + (input == null ? "" : ": " + echo(input)));
        this.reason = reason;
        this.curve = curve;
        this.input = input;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** The curve in question, or {@code null} when it was not known yet. */
    public Curve curve() {
        return curve;
    }

    /** The rejected text (a did:key, a multibase value, or hex of public key bytes), or {@code null}. */
    public String input() {
        return input;
    }

    /** The explanation, without reason, curve or input. */
    public String detail() {
        return detail;
    }

    private static String echo(String input) {
        return input.length() <= MAX_INPUT_ECHO ? input : input.substring(0, MAX_INPUT_ECHO) + "...";
    }
}
