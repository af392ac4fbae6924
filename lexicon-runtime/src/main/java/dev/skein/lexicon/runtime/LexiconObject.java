package dev.skein.lexicon.runtime;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;

/** A value of a generated Lexicon type that is a data-model object: a record, an object or a union variant. */
public interface LexiconObject {

    /** The data-model form, with the fields this type does not declare kept as they were read. */
    MapValue toValue();

    /** The canonical DAG-CBOR (DRISL) encoding of {@link #toValue()}. */
    default byte[] toDrisl() {
        return Drisl.encode(toValue());
    }

    /** The atproto JSON form of {@link #toValue()}. */
    default String toJson() {
        return DataJson.writeString(toValue());
    }
}
