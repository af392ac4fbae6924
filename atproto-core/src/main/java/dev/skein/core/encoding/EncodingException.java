package dev.skein.core.encoding;

/** Text or bytes that are not valid in the named encoding. */
public final class EncodingException extends IllegalArgumentException {
    private final String encoding;

    public EncodingException(String encoding, String message) {
        super(encoding + ": " + message);
        this.encoding = encoding;
    }

    /** The encoding that rejected the input, e.g. {@code "base32"}. */
    public String encoding() {
        return encoding;
    }
}
