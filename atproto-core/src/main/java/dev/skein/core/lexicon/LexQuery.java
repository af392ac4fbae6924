package dev.skein.core.lexicon;

import java.util.List;
import java.util.Optional;

/** The {@code query} type: an XRPC method called with HTTP GET. */
public record LexQuery(Optional<String> description, Optional<LexParams> parameters, Optional<LexBody> output,
        List<LexMethodError> errors) implements LexPrimary {
    public LexQuery {
        errors = List.copyOf(errors);
    }

    @Override
    public String type() {
        return "query";
    }
}
