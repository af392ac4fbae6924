package dev.skein.lexicon.codegen;

/**
 * The generator could not generate types for the configured Lexicons: a reference does not resolve, or points
 * at a Lexicon outside the configured prefixes (add its prefix), or the output could not be written.
 */
public final class GeneratorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;

    public GeneratorException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public GeneratorException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** The Lexicon (or file) the problem is in. */
    public String source() {
        return source;
    }
}
