package dev.skein.core.lexicon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code params} type: the HTTP query parameters of an XRPC method. Properties are {@code boolean},
 * {@code integer}, {@code string}, or an {@code array} of one of those; there is no {@code nullable}.
 */
public record LexParams(Optional<String> description, Map<String, LexFieldType> properties, List<String> required)
        implements LexSchema {
    public LexParams {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        required = List.copyOf(required);
    }

    @Override
    public String type() {
        return "params";
    }
}
