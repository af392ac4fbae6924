package dev.skein.lexicon.files;

/** A lexicon folder, or a revision of one, could not be read. */
public final class LexiconFilesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String origin;

    public LexiconFilesException(String origin, String message) {
        super(origin + ": " + message);
        this.origin = origin;
    }

    public LexiconFilesException(String origin, String message, Throwable cause) {
        super(origin + ": " + message, cause);
        this.origin = origin;
    }

    /** The folder or revision that could not be read. */
    public String origin() {
        return origin;
    }
}
