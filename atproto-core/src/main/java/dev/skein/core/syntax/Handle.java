package dev.skein.core.syntax;

import java.util.Set;

/**
 * A syntactically valid handle: a DNS hostname of at least two labels, at most {@value #MAX_LENGTH}
 * characters, whose last label (the TLD) starts with a letter.
 *
 * <p>Handles are case-insensitive. The record keeps the string exactly as given (so data round-trips);
 * compare and store {@link #normalized()}. Syntax validity says nothing about whether the handle may be
 * registered or resolved: see {@link #hasDisallowedTld()} and {@link #isInvalidMarker()}.
 *
 * <p>Spec: https://atproto.com/specs/handle
 */
public record Handle(String value) implements AtIdentifier {
    /** Longest handle (the DNS name limit). */
    public static final int MAX_LENGTH = 253;

    /** The marker shown in place of a handle that failed bidirectional verification. */
    public static final Handle INVALID = new Handle("handle.invalid");

    /**
     * TLDs that are valid syntax but must fail registration and resolution. {@code .test} is not listed: the
     * spec allows it in development.
     */
    public static final Set<String> DISALLOWED_TLDS =
            Set.of("alt", "arpa", "example", "internal", "invalid", "local", "localhost", "onion");

    public Handle {
        String reason = check(value);
        if (reason != null) {
            throw new InvalidSyntaxException("handle", value, reason);
        }
    }

    public static Handle parse(String value) {
        return new Handle(value);
    }

    /** The handle in lowercase, the form to compare, store and put in DID documents. */
    public Handle normalized() {
        String lower = Hostname.toLowerAscii(value);
        return lower.equals(value) ? this : new Handle(lower);
    }

    /** The last label, lowercased. */
    public String tld() {
        return Hostname.toLowerAscii(value.substring(value.lastIndexOf('.') + 1));
    }

    /** Whether the TLD is one the spec reserves (e.g. {@code .local}, {@code .onion}); such handles never resolve. */
    public boolean hasDisallowedTld() {
        return DISALLOWED_TLDS.contains(tld());
    }

    /** Whether this is the {@code handle.invalid} marker rather than a real handle. */
    public boolean isInvalidMarker() {
        return INVALID.value.equalsIgnoreCase(value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String check(String s) {
        if (s == null) {
            return "null";
        }
        if (s.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        int[] labels = new int[1];
        String reason = Hostname.checkLabels(s, 0, s.length(), labels);
        if (reason != null) {
            return reason;
        }
        if (labels[0] < 2) {
            return "needs at least two labels";
        }
        if (!Hostname.isLetter(s.charAt(s.lastIndexOf('.') + 1))) {
            return "top-level domain must start with a letter";
        }
        return null;
    }
}
