package dev.skein.core.lexicon;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns HTTP query parameters (strings, possibly repeated) into the typed values a {@code params} schema
 * declares, applying defaults, then validates them. Integers are decimal without a sign other than
 * {@code -}; booleans are {@code true} or {@code false}; an array parameter is the key repeated.
 * Parameters the schema does not declare are left out.
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc#lexicon-http-endpoints">XRPC: Lexicon HTTP endpoints</a>.
 */
final class ParamsDecoder {
    static final String ROOT = "Params";
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

    private ParamsDecoder() {}

    static MapValue decode(DataValidator v, LexParams params, Map<String, List<String>> query) {
        Map<String, DataValue> out = new LinkedHashMap<>();
        for (var p : params.properties().entrySet()) {
            String name = p.getKey();
            String path = DefReader.child(ROOT, name);
            List<String> raw = query.getOrDefault(name, List.of());
            if (raw.isEmpty()) {
                defaultValue(p.getValue()).ifPresentOrElse(d -> out.put(name, d), () -> {
                    if (params.required().contains(name)) {
                        v.error(path, ValidationRule.REQUIRED, ROOT + " must have the property \"" + name + "\"");
                    }
                });
                continue;
            }
            Optional<DataValue> value;
            if (p.getValue() instanceof LexArray array) {
                List<DataValue> items = new ArrayList<>(raw.size());
                for (int i = 0; i < raw.size(); i++) {
                    scalar(v, array.items(), raw.get(i), path + "/" + i).ifPresent(items::add);
                }
                value = items.size() == raw.size() ? Optional.of(new ArrayValue(items)) : Optional.empty();
            } else if (raw.size() > 1) {
                v.error(path, ValidationRule.TYPE, path + " must be a single value, not " + raw.size());
                value = Optional.empty();
            } else {
                value = scalar(v, p.getValue(), raw.getFirst(), path);
            }
            value.ifPresent(val -> {
                v.value(p.getValue(), val, path);
                out.put(name, val);
            });
        }
        return MapValue.of(out);
    }

    private static Optional<DataValue> scalar(DataValidator v, LexFieldType type, String raw, String path) {
        switch (type) {
            case LexInteger i -> {
                if (INTEGER.matcher(raw).matches()) {
                    try {
                        return Optional.of(new IntValue(Long.parseLong(raw)));
                    } catch (NumberFormatException e) {
                        // over 64 bits: reported below
                    }
                }
                v.error(path, ValidationRule.TYPE, path + " must be an integer");
                return Optional.empty();
            }
            case LexBoolean b -> {
                if (raw.equals("true") || raw.equals("false")) {
                    return Optional.of(DataValue.of(raw.equals("true")));
                }
                v.error(path, ValidationRule.TYPE, path + " must be a boolean (true or false)");
                return Optional.empty();
            }
            case LexString s -> {
                return Optional.of(new StringValue(raw));
            }
            default -> throw new IllegalStateException("not a parameter type: " + type.type());
        }
    }

    private static Optional<DataValue> defaultValue(LexFieldType type) {
        return switch (type) {
            case LexInteger i -> i.defaultValue().map(IntValue::new);
            case LexBoolean b -> b.defaultValue().map(DataValue::of);
            case LexString s -> s.defaultValue().map(StringValue::new);
            default -> Optional.empty();
        };
    }
}
