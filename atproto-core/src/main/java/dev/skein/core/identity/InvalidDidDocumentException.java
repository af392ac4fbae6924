package dev.skein.core.identity;

/** A DID document that is not well-formed JSON of the shape atproto reads, or whose {@code id} is not the expected DID. */
public final class InvalidDidDocumentException extends IllegalArgumentException {
    private final String field;

    public InvalidDidDocumentException(String field, String message) {
        super(field.isEmpty() ? message : field + ": " + message);
        this.field = field;
    }

    /** The offending field, e.g. {@code verificationMethod[0].controller}; {@code ""} for the whole document. */
    public String field() {
        return field;
    }
}
