package dev.skein.core.syntax;

/**
 * A syntactically valid record key (the "any" record-key type): 1 to {@value #MAX_LENGTH} characters of
 * {@code A-Za-z0-9 . - _ : ~}, and neither {@code .} nor {@code ..}. Case-sensitive.
 *
 * <p>These are exactly the RFC 3986 unreserved characters plus {@code :}, so a record key is usable as a URI path
 * segment and an MST path segment without escaping.
 *
 * <p>Spec: https://atproto.com/specs/record-key
 */
public record RecordKey(String value) {
    public static final int MAX_LENGTH = 512;

    public RecordKey {
        String reason = check(value);
        if (reason != null) {
            throw new InvalidSyntaxException("record key", value, reason);
        }
    }

    public static RecordKey parse(String value) {
        return new RecordKey(value);
    }

    /** The record key of a {@code tid}-keyed record. */
    public static RecordKey of(Tid tid) {
        return new RecordKey(tid.value());
    }

    @Override
    public String toString() {
        return value;
    }

    private static String check(String s) {
        if (s == null) {
            return "null";
        }
        if (s.isEmpty()) {
            return "empty";
        }
        if (s.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (s.equals(".") || s.equals("..")) {
            return "'.' and '..' are not allowed";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Hostname.isLetterOrDigit(c) && c != '.' && c != '-' && c != '_' && c != ':' && c != '~') {
                return "character '" + c + "' not allowed";
            }
        }
        return null;
    }
}
