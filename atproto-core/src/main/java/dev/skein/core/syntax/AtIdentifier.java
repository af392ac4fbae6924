package dev.skein.core.syntax;

/**
 * The Lexicon {@code at-identifier} format: either a {@link Did} or a {@link Handle}.
 *
 * <p>The two never overlap: a DID always starts with {@code did:} and a handle never contains {@code :}.
 * Spec: https://atproto.com/specs/lexicon#at-identifier
 */
public sealed interface AtIdentifier permits Did, Handle {

    /** Parses a DID when the string starts with {@code did:}, otherwise a handle. */
    static AtIdentifier parse(String value) {
        if (value == null) {
            throw new InvalidSyntaxException("at-identifier", null, "null");
        }
        try {
            return value.startsWith(Did.PREFIX) ? Did.parse(value) : Handle.parse(value);
        } catch (InvalidSyntaxException e) {
            throw new InvalidSyntaxException("at-identifier", value, e.kind() + ": " + e.reason(), e);
        }
    }

    /** The identifier exactly as written. */
    @Override
    String toString();
}
