package dev.skein.lexicon.runtime;

/**
 * A data-model value does not have the shape a generated Lexicon type needs: a required field is missing, a
 * field holds the wrong kind of value or a string not in its format, a record or union variant has the wrong
 * {@code $type}. Carries the rule ({@link #reason()}) and where ({@link #path()}, a JSON pointer such as
 * {@code /content/parts/0/text}).
 */
public final class LexiconDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Reason {
        /** A required field is absent. */
        MISSING_FIELD,
        /** A value of the wrong data-model kind: a string where an integer belongs, a null where none may be. */
        WRONG_KIND,
        /** A string that is not in its Lexicon format (a DID, a datetime, ...). */
        INVALID_FORMAT,
        /** A map that should be a blob reference and is not. */
        INVALID_BLOB,
        /** A record whose {@code $type} is missing or names another type. */
        WRONG_TYPE,
        /** A union variant without a {@code $type}. */
        MISSING_TYPE,
        /** A closed union variant whose {@code $type} is not one of the union's. */
        UNKNOWN_VARIANT
    }

    private final Reason reason;
    private final String path;
    private final String detail;

    public LexiconDataException(Reason reason, String path, String detail) {
        super((path.isEmpty() ? "" : path + ": ") + detail + " [" + reason + "]");
        this.reason = reason;
        this.path = path;
        this.detail = detail;
    }

    /** A problem at the value being read itself; the readers above it add the path. */
    public LexiconDataException(Reason reason, String detail) {
        this(reason, "", detail);
    }

    public Reason reason() {
        return reason;
    }

    /** Where the problem is, as a JSON pointer ({@code ""} for the value read). */
    public String path() {
        return path;
    }

    /** What is wrong, without the path. */
    public String detail() {
        return detail;
    }

    /** The same problem seen from the enclosing value: {@code key} (a field name or array index) goes in front. */
    public LexiconDataException within(String key) {
        LexiconDataException e = new LexiconDataException(reason, "/" + escape(key) + path, detail);
        e.setStackTrace(getStackTrace());
        return e;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
