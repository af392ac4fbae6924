package dev.skein.xrpc;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.BoolValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URL parameters of a call. When the lexicon catalog has the method they are typed and validated
 * ({@link #typed()}); otherwise every value is the string sent (an array when the key repeats), and the
 * typed accessors convert it, answering 400 {@code InvalidRequest} when it does not convert.
 *
 * @param values the parameters by name
 * @param typed whether {@code values} came from the lexicon (integers as integers, booleans as booleans)
 */
public record XrpcParams(MapValue values, boolean typed) {
    public static final XrpcParams EMPTY = new XrpcParams(MapValue.EMPTY, true);
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

    /** Parameters without a schema: each name to its string, or to an array of strings when repeated. */
    public static XrpcParams raw(Map<String, List<String>> query) {
        MapValue.Builder b = MapValue.builder();
        query.forEach((name, values) -> {
            if (values.size() == 1) {
                b.put(name, values.getFirst());
            } else if (!values.isEmpty()) {
                b.put(name, new ArrayValue(values.stream().<DataValue>map(StringValue::new).toList()));
            }
        });
        return new XrpcParams(b.build(), false);
    }

    public Optional<String> string(String name) {
        return switch (values.get(name)) {
            case null -> Optional.empty();
            case StringValue s -> Optional.of(s.value());
            case DataValue other -> throw XrpcException.invalidRequest(name + " must be a single string");
        };
    }

    /** A required string parameter; 400 {@code InvalidRequest} when absent. */
    public String requireString(String name) {
        return string(name).orElseThrow(() -> XrpcException.invalidRequest("Params must have the property \"" + name + "\""));
    }

    public Optional<Long> integer(String name) {
        return switch (values.get(name)) {
            case null -> Optional.empty();
            case IntValue i -> Optional.of(i.value());
            case StringValue s when INTEGER.matcher(s.value()).matches() -> {
                try {
                    yield Optional.of(Long.parseLong(s.value()));
                } catch (NumberFormatException e) {
                    throw XrpcException.invalidRequest(name + " must be an integer");
                }
            }
            case DataValue other -> throw XrpcException.invalidRequest(name + " must be an integer");
        };
    }

    public Optional<Boolean> bool(String name) {
        return switch (values.get(name)) {
            case null -> Optional.empty();
            case BoolValue b -> Optional.of(b.value());
            case StringValue s when s.value().equals("true") || s.value().equals("false") ->
                    Optional.of(s.value().equals("true"));
            case DataValue other -> throw XrpcException.invalidRequest(name + " must be a boolean");
        };
    }

    /** Every value of a repeated string parameter (one value, or none, also count). */
    public List<String> strings(String name) {
        return switch (values.get(name)) {
            case null -> List.of();
            case StringValue s -> List.of(s.value());
            case ArrayValue a -> {
                List<String> out = new ArrayList<>(a.items().size());
                for (DataValue item : a.items()) {
                    if (!(item instanceof StringValue s)) {
                        throw XrpcException.invalidRequest(name + " must be strings");
                    }
                    out.add(s.value());
                }
                yield out;
            }
            case DataValue other -> throw XrpcException.invalidRequest(name + " must be strings");
        };
    }
}
