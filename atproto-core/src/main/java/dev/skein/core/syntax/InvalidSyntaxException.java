package dev.skein.core.syntax;

/**
 * A string failed the syntax rules of an atproto identifier or Lexicon string format.
 *
 * <p>Carries the {@linkplain #kind() kind} of value (for example {@code "DID"}), the offending
 * {@linkplain #value() value} as given, and a short {@linkplain #reason() reason}. The message shows the value
 * truncated and with control characters escaped, because values come from the network and end up in logs.
 */
public final class InvalidSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Longest part of the offending value quoted in the message. */
    public static final int MAX_QUOTED_CHARS = 96;

    private final String kind;
    private final transient String value;
    private final String reason;

    public InvalidSyntaxException(String kind, String value, String reason) {
        super("invalid " + kind + " " + quote(value) + ": " + escape(reason, Integer.MAX_VALUE, false));
        this.kind = kind;
        this.value = value;
        this.reason = reason;
    }

    public InvalidSyntaxException(String kind, String value, String reason, Throwable cause) {
        this(kind, value, reason);
        initCause(cause);
    }

    /** What the value was meant to be, e.g. {@code "DID"}, {@code "NSID"}, {@code "datetime"}. */
    public String kind() {
        return kind;
    }

    /** The rejected value, exactly as given (may be {@code null}). */
    public String value() {
        return value;
    }

    /** Why it was rejected. */
    public String reason() {
        return reason;
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String quoted = '"' + escape(value, MAX_QUOTED_CHARS, true) + '"';
        return value.length() > MAX_QUOTED_CHARS ? quoted + "… (" + value.length() + " chars)" : quoted;
    }

    /** The first {@code max} characters with control characters (and, in a quoted value, quotes) escaped. */
    private static String escape(String s, int max, boolean quoted) {
        if (s == null) {
            return "null";
        }
        int shown = Math.min(s.length(), max);
        StringBuilder sb = new StringBuilder(shown + 16);
        for (int i = 0; i < shown; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (quoted && (c == '"' || c == '\\')) || (c >= 0x80 && c < 0xa0)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
