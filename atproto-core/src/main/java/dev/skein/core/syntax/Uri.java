package dev.skein.core.syntax;

import java.util.Locale;

/**
 * The Lexicon {@code uri} format: any absolute URI, checked loosely for fast pass-through.
 *
 * <p>A scheme as RFC 3986 section 3.1 defines it (a letter, then letters, digits, {@code +}, {@code -},
 * {@code .}), a colon, and at least one more character; no whitespace or control characters; at most
 * {@value #MAX_LENGTH} bytes of UTF-8. Raw non-ASCII characters (IRIs) are accepted, as the reference
 * implementation accepts them, so a client's unencoded Unicode link in a record is not refused.
 * The scheme-specific part is not parsed: {@code at:}, {@code did:}, {@code https:} and the rest each have
 * their own rules, checked where they matter.
 *
 * <p>Spec: https://atproto.com/specs/lexicon#uri
 */
public record Uri(String value) {
    /** The 8 KB Lexicon limit, in UTF-8 bytes. */
    public static final int MAX_LENGTH = 8192;

    public Uri {
        String reason = check(value);
        if (reason != null) {
            throw new InvalidSyntaxException("URI", value, reason);
        }
    }

    public static Uri parse(String value) {
        return new Uri(value);
    }

    /** The scheme, lowercased (schemes are case-insensitive). */
    public String scheme() {
        return value.substring(0, value.indexOf(':')).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String check(String s) {
        if (s == null) {
            return "null";
        }
        if (s.length() > MAX_LENGTH
                || (s.length() * 3 > MAX_LENGTH && s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH)) {
            return "longer than " + MAX_LENGTH + " bytes";
        }
        if (s.isEmpty() || !Hostname.isLetter(s.charAt(0))) {
            return "must start with a scheme, which starts with a letter";
        }
        int i = 1;
        while (i < s.length() && isSchemeChar(s.charAt(i))) {
            i++;
        }
        if (i == s.length() || s.charAt(i) != ':') {
            return "scheme must be followed by ':'";
        }
        if (i + 1 == s.length()) {
            return "nothing after the scheme";
        }
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c <= 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return "whitespace and control characters are not allowed";
            }
        }
        return null;
    }

    private static boolean isSchemeChar(char c) {
        return Hostname.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.';
    }
}
