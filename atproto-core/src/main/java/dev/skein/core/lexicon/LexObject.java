package dev.skein.core.lexicon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code object} type. A property may be absent unless {@code required}, and may be null only when
 * {@code nullable}; absent and null are different things. Properties the schema does not name are allowed.
 */
public record LexObject(Optional<String> description, Map<String, LexFieldType> properties, List<String> required,
        List<String> nullable) implements LexFieldType, LexBodySchema {
    public LexObject {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        required = List.copyOf(required);
        nullable = List.copyOf(nullable);
    }

    public boolean isRequired(String property) {
        return required.contains(property);
    }

    public boolean isNullable(String property) {
        return nullable.contains(property);
    }

    @Override
    public String type() {
        return "object";
    }
}
