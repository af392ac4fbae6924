package dev.skein.lexicon.runtime;

import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.lexicon.runtime.LexiconDataException.Reason;
import java.util.List;

/**
 * The {@code $type} of union variants, for generated unions: a variant must carry one, the generated type of an
 * object variant is read without it, and it is put back when the variant is written.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#when-to-use-type">Lexicon: when to use $type</a>.
 */
public final class Variants {
    private static final String TYPE = "$type";

    private Variants() {}

    /**
     * The variant's {@code $type}.
     *
     * @throws LexiconDataException ({@link Reason#MISSING_TYPE}) when it has none
     */
    public static String typeOf(MapValue value) {
        if (value.get(TYPE) instanceof StringValue s && !s.value().isEmpty()) {
            return s.value();
        }
        throw new LexiconDataException(Reason.MISSING_TYPE, "a union variant must have a $type");
    }

    /** The variant without its {@code $type}, for the generated type of an object definition. */
    public static MapValue withoutType(MapValue value) {
        MapValue.Builder b = MapValue.builder();
        for (var e : value.entries()) {
            if (!e.getKey().equals(TYPE)) {
                b.put(e.getKey(), e.getValue());
            }
        }
        return b.build();
    }

    /** {@code value} with {@code $type} set to {@code type}. */
    public static MapValue withType(MapValue value, String type) {
        MapValue.Builder b = MapValue.builder();
        for (var e : value.entries()) {
            b.put(e.getKey(), e.getValue());
        }
        return b.put(TYPE, DataValue.of(type)).build();
    }

    /** The error for a closed union's variant whose {@code $type} is none of {@code allowed}. */
    public static LexiconDataException notAllowed(String type, List<String> allowed) {
        return new LexiconDataException(Reason.UNKNOWN_VARIANT, "/" + TYPE,
                "\"" + type + "\" is not one of the closed union's types " + allowed);
    }
}
