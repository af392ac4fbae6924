package dev.skein.core.syntax;

/**
 * A syntactically valid DID: {@code did:<method>:<identifier>}.
 *
 * <p>The rules are the generic ones atproto applies to every DID method: lowercase method, an identifier of
 * {@code [A-Za-z0-9._:%-]} that does not end in {@code :} or {@code %}, at most {@value #MAX_LENGTH} characters.
 * Percent-encoding inside the identifier is deliberately not checked: the spec leaves that to registration and
 * resolution. Whether the method is supported (plc, web) is a separate, application-level question.
 *
 * <p>Spec: https://atproto.com/specs/did
 */
public record Did(String value) implements AtIdentifier {
    /** Hard limit of the atproto DID syntax. */
    public static final int MAX_LENGTH = 2048;

    static final String PREFIX = "did:";

    public Did {
        String reason = check(value);
        if (reason != null) {
            throw new InvalidSyntaxException("DID", value, reason);
        }
    }

    public static Did parse(String value) {
        return new Did(value);
    }

    /** The method name, e.g. {@code plc} or {@code web}. */
    public String method() {
        return value.substring(PREFIX.length(), value.indexOf(':', PREFIX.length()));
    }

    /** The method-specific identifier: everything after the second colon. */
    public String identifier() {
        return value.substring(value.indexOf(':', PREFIX.length()) + 1);
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
        if (!s.startsWith(PREFIX)) {
            return "must start with \"did:\"";
        }
        int i = PREFIX.length();
        int methodStart = i;
        while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
            i++;
        }
        if (i == methodStart) {
            return "method must be one or more lowercase letters";
        }
        if (i == s.length() || s.charAt(i) != ':') {
            return "method must be lowercase letters followed by ':'";
        }
        i++;
        if (i == s.length()) {
            return "empty identifier";
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isIdentifierChar(c)) {
                return "character '" + c + "' not allowed in identifier";
            }
        }
        char last = s.charAt(s.length() - 1);
        if (last == ':' || last == '%') {
            return "must not end in '" + last + "'";
        }
        return null;
    }

    private static boolean isIdentifierChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == ':' || c == '%' || c == '-';
    }
}
