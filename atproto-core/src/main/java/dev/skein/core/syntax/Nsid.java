package dev.skein.core.syntax;

/**
 * A syntactically valid Namespaced Identifier: a reversed domain authority followed by a name, e.g.
 * {@code com.atproto.repo.createRecord}.
 *
 * <p>Rules: at least three segments, at most {@value #MAX_LENGTH} characters; authority segments are DNS
 * labels and the first one starts with a letter; the name is {@code [a-zA-Z][a-zA-Z0-9]{0,62}}. The authority
 * is case-insensitive, the name is not. The spec text also caps the authority at 253 characters, but its
 * reference regex and the interop vectors accept longer ones (a valid vector has a 305-character authority), so
 * only the overall limit is enforced, as the reference implementations do.
 *
 * <p>Spec: https://atproto.com/specs/nsid
 */
public record Nsid(String value) {
    /** Longest NSID: a 253-character authority, a dot and a 63-character name. */
    public static final int MAX_LENGTH = 317;

    /** Longest name segment. */
    public static final int MAX_NAME_LENGTH = 63;

    public Nsid {
        String reason = check(value);
        if (reason != null) {
            throw new InvalidSyntaxException("NSID", value, reason);
        }
    }

    public static Nsid parse(String value) {
        return new Nsid(value);
    }

    /**
     * The domain authority as a hostname in DNS order, lowercased: {@code repo.atproto.com} for
     * {@code com.atproto.repo.createRecord}.
     */
    public String authority() {
        String reversed = value.substring(0, value.lastIndexOf('.'));
        StringBuilder sb = new StringBuilder(reversed.length());
        int end = reversed.length();
        for (int dot = reversed.lastIndexOf('.'); ; dot = reversed.lastIndexOf('.', end - 1)) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(reversed, dot + 1, end);
            if (dot < 0) {
                break;
            }
            end = dot;
        }
        return Hostname.toLowerAscii(sb.toString());
    }

    /** The final, case-sensitive name segment, e.g. {@code createRecord}. */
    public String name() {
        return value.substring(value.lastIndexOf('.') + 1);
    }

    /** This NSID with its authority segments lowercased and the name untouched. */
    public Nsid normalized() {
        int lastDot = value.lastIndexOf('.');
        String lower = Hostname.toLowerAscii(value.substring(0, lastDot)) + value.substring(lastDot);
        return lower.equals(value) ? this : new Nsid(lower);
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
        int lastDot = s.lastIndexOf('.');
        if (lastDot < 0) {
            return "needs at least three segments";
        }
        int[] labels = new int[1];
        String reason = Hostname.checkLabels(s, 0, lastDot, labels);
        if (reason != null) {
            return "authority: " + reason;
        }
        if (labels[0] < 2) {
            return "needs at least three segments";
        }
        if (!Hostname.isLetter(s.charAt(0))) {
            return "first segment must start with a letter";
        }
        int nameLength = s.length() - lastDot - 1;
        if (nameLength == 0) {
            return "empty name";
        }
        if (nameLength > MAX_NAME_LENGTH) {
            return "name longer than " + MAX_NAME_LENGTH + " characters";
        }
        if (!Hostname.isLetter(s.charAt(lastDot + 1))) {
            return "name must start with a letter";
        }
        for (int i = lastDot + 2; i < s.length(); i++) {
            if (!Hostname.isLetterOrDigit(s.charAt(i))) {
                return "character '" + s.charAt(i) + "' not allowed in name";
            }
        }
        return null;
    }
}
