package dev.skein.core.lexicon;

import java.util.Objects;
import java.util.Optional;

/**
 * The input or output body of an XRPC method: a MIME {@code encoding} ({@code application/json}, or e.g.
 * {@code *}{@code /*} for a blob upload) and, optionally, the schema of a JSON body.
 */
public record LexBody(Optional<String> description, String encoding, Optional<LexBodySchema> schema) {
    public LexBody {
        Objects.requireNonNull(encoding, "encoding");
    }
}
