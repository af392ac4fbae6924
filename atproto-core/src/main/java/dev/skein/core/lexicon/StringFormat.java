package dev.skein.core.lexicon;

import java.util.Optional;

/**
 * The string formats a Lexicon {@code string} may declare.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#string-formats">Lexicon: string formats</a>.
 */
public enum StringFormat {
    AT_IDENTIFIER("at-identifier"),
    AT_URI("at-uri"),
    CID("cid"),
    DATETIME("datetime"),
    DID("did"),
    HANDLE("handle"),
    NSID("nsid"),
    TID("tid"),
    RECORD_KEY("record-key"),
    URI("uri"),
    LANGUAGE("language");

    private final String specName;

    StringFormat(String specName) {
        this.specName = specName;
    }

    /** The name as written in a schema, e.g. {@code "at-uri"}. */
    public String specName() {
        return specName;
    }

    public static Optional<StringFormat> fromSpecName(String name) {
        for (StringFormat f : values()) {
            if (f.specName.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return specName;
    }
}
