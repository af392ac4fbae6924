package dev.skein.core.lexicon;

import java.util.Objects;
import java.util.Optional;

/** An error name an XRPC method may return in the {@code error} field of its error body. */
public record LexMethodError(String name, Optional<String> description) {
    public LexMethodError {
        Objects.requireNonNull(name, "name");
    }
}
