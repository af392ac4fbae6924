package dev.skein.core.lexicon;

import java.util.List;
import java.util.Optional;

/** The {@code procedure} type: an XRPC method called with HTTP POST. */
public record LexProcedure(Optional<String> description, Optional<LexParams> parameters, Optional<LexBody> input,
        Optional<LexBody> output, List<LexMethodError> errors) implements LexPrimary {
    public LexProcedure {
        errors = List.copyOf(errors);
    }

    @Override
    public String type() {
        return "procedure";
    }
}
