package dev.skein.core.lexicon;

import java.util.Optional;

/**
 * A Lexicon schema document broke a rule of the schema language, a reference did not resolve, or a catalog
 * could not be loaded. Carries the rule ({@link #reason()}), where in the document ({@link #path()}, a JSON
 * pointer such as {@code /defs/main/record/properties/text/maxLength}) and the document or file it came from.
 */
public final class LexiconException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The rule that was broken. */
    public enum Reason {
        /** Not JSON, or not valid atproto data (e.g. a float). */
        MALFORMED,
        /** A field has the wrong JSON type. */
        WRONG_TYPE,
        /** A required field is missing. */
        MISSING_FIELD,
        /** {@code lexicon} is not {@value LexiconDocument#VERSION}. */
        UNSUPPORTED_VERSION,
        /** {@code id} (or another NSID in the schema) is not a valid NSID. */
        INVALID_NSID,
        /** A definition or property name is not allowed. */
        INVALID_NAME,
        /** The document has no definitions. */
        EMPTY_DEFS,
        /** A {@code type} the schema language does not have. */
        UNKNOWN_TYPE,
        /** The type can not be a named definition ({@code ref}, {@code union}, {@code unknown}, sub-types). */
        NOT_DEFINABLE,
        /** A primary type under a name other than {@code main}. */
        PRIMARY_NOT_MAIN,
        /** A type where the schema language does not allow it (e.g. a token as an object property). */
        TYPE_NOT_ALLOWED,
        /** A constraint that can not hold: min over max, a negative length, {@code default} with {@code const}. */
        INVALID_CONSTRAINT,
        /** A reference that is not {@code nsid}, {@code nsid#name} or {@code #name}. */
        INVALID_REF,
        /** A reference to a definition the catalog does not have, or of a kind the reference can not point to. */
        UNRESOLVED_REF,
        /** Two documents with the same NSID in one catalog. */
        DUPLICATE_ID,
        /** A file or resource that could not be read. */
        UNREADABLE
    }

    private final Reason reason;
    private final String path;
    private final String detail;
    private final String source;

    public LexiconException(Reason reason, String path, String detail) {
        this(reason, path, detail, null, null);
    }

    private LexiconException(Reason reason, String path, String detail, String source, Throwable cause) {
        super(format(reason, path, detail, source), cause);
        this.reason = reason;
        this.path = path;
        this.detail = detail;
        this.source = source;
    }

    /** The same error, saying which document or file it came from. */
    public LexiconException withSource(String source) {
        LexiconException e = new LexiconException(reason, path, detail, source, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The same error with an underlying cause. */
    LexiconException withCause(Throwable cause) {
        return new LexiconException(reason, path, detail, source, cause);
    }

    public Reason reason() {
        return reason;
    }

    /** Where in the document, as a JSON pointer ({@code ""} for the document itself). */
    public String path() {
        return path;
    }

    /** What is wrong, without the path and source. */
    public String detail() {
        return detail;
    }

    /** The document NSID or file the error is in, when known. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    private static String format(Reason reason, String path, String detail, String source) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source).append(": ");
        }
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(detail).append(" [").append(reason).append(']').toString();
    }
}
