package dev.skein.lexicon.runtime;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.BlobRef;
import dev.skein.core.data.BoolValue;
import dev.skein.core.data.BytesValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.InvalidDataException;
import dev.skein.core.data.LinkValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.AtIdentifier;
import dev.skein.core.syntax.AtUri;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.core.syntax.LanguageTag;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.core.syntax.Tid;
import dev.skein.core.syntax.Uri;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one Lexicon field type maps to a Java type and back. {@link #read} checks the data-model kind (and, for
 * formatted strings, the format) and throws {@link LexiconDataException} with a path relative to the value;
 * {@link #write} never fails for a valid Java value.
 *
 * <p>Formatted strings read as the syntax types, which keep the string exactly as written, so a value read and
 * written again has the same bytes (and the record the same CID).
 *
 * @param <T> the Java type
 */
public interface FieldCodec<T> {

    T read(DataValue value);

    DataValue write(T value);

    FieldCodec<String> STRING = kind("a string", v -> v instanceof StringValue s ? s.value() : null,
            StringValue::new);
    FieldCodec<Long> INTEGER = kind("an integer", v -> v instanceof IntValue i ? i.value() : null, IntValue::new);
    FieldCodec<Boolean> BOOLEAN = kind("a boolean", v -> v instanceof BoolValue b ? b.value() : null,
            DataValue::of);
    FieldCodec<BytesValue> BYTES = kind("bytes", v -> v instanceof BytesValue b ? b : null, b -> b);
    /** {@code cid-link}: a data-model link. */
    FieldCodec<Cid> LINK = kind("a CID link", v -> v instanceof LinkValue l ? l.cid() : null, LinkValue::new);
    FieldCodec<NullValue> NULL = kind("null", v -> v instanceof NullValue n ? n : null, n -> n);
    /** {@code unknown}: any object that is not a blob. */
    FieldCodec<MapValue> UNKNOWN = kind("an object", v -> v instanceof MapValue m && !BlobRef.isBlob(m) ? m : null,
            m -> m);
    FieldCodec<BlobRef> BLOB = of(FieldCodec::blob, BlobRef::toValue);

    FieldCodec<AtIdentifier> AT_IDENTIFIER = format("at-identifier", AtIdentifier::parse);
    FieldCodec<AtUri> AT_URI = format("at-uri", AtUri::parse);
    /** The {@code cid} string format; read strictly, as a base32 CIDv1 (the form atproto writes). */
    FieldCodec<Cid> CID = format("cid", Cid::parse);
    FieldCodec<Datetime> DATETIME = format("datetime", Datetime::parse);
    FieldCodec<Did> DID = format("did", Did::parse);
    FieldCodec<Handle> HANDLE = format("handle", Handle::parse);
    FieldCodec<Nsid> NSID = format("nsid", Nsid::parse);
    FieldCodec<Tid> TID = format("tid", Tid::parse);
    FieldCodec<RecordKey> RECORD_KEY = format("record-key", RecordKey::parse);
    FieldCodec<Uri> URI = format("uri", Uri::parse);
    FieldCodec<LanguageTag> LANGUAGE = format("language", LanguageTag::parse);

    /** A codec from two functions; {@code read} reports problems as {@link LexiconDataException}. */
    static <T> FieldCodec<T> of(Function<DataValue, T> read, Function<T, DataValue> write) {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
        return new FieldCodec<>() {
            @Override
            public T read(DataValue value) {
                return read.apply(value);
            }

            @Override
            public DataValue write(T value) {
                return write.apply(value);
            }
        };
    }

    /** A generated object, record or union, read with its {@code fromValue}. */
    static <T extends LexiconObject> FieldCodec<T> object(Function<MapValue, T> fromValue) {
        return of(v -> fromValue.apply(map(v)), LexiconObject::toValue);
    }

    /** An array whose items all use {@code items}; errors name the index. */
    static <T> FieldCodec<List<T>> list(FieldCodec<T> items) {
        return of(v -> {
            if (!(v instanceof ArrayValue array)) {
                throw wrongKind("an array", v);
            }
            List<T> out = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                try {
                    out.add(items.read(array.get(i)));
                } catch (LexiconDataException e) {
                    throw e.within(Integer.toString(i));
                }
            }
            return List.copyOf(out);
        }, list -> new ArrayValue(list.stream().map(items::write).toList()));
    }

    /** A string in a Lexicon format, parsed by {@code parse} and written back with {@code toString()}. */
    static <T> FieldCodec<T> format(String format, Function<String, T> parse) {
        return of(v -> {
            if (!(v instanceof StringValue s)) {
                throw wrongKind("a string (" + format + ")", v);
            }
            try {
                return parse.apply(s.value());
            } catch (IllegalArgumentException e) {
                throw new LexiconDataException(LexiconDataException.Reason.INVALID_FORMAT,
                        "not a valid " + format + ": " + e.getMessage());
            }
        }, t -> new StringValue(t.toString()));
    }

    /** The value as a map, or a {@link LexiconDataException.Reason#WRONG_KIND} error. */
    static MapValue map(DataValue value) {
        if (value instanceof MapValue m) {
            return m;
        }
        throw wrongKind("an object", value);
    }

    private static <T> FieldCodec<T> kind(String what, Function<DataValue, T> cast, Function<T, DataValue> write) {
        return of(v -> {
            T t = cast.apply(v);
            if (t == null) {
                throw wrongKind(what, v);
            }
            return t;
        }, write);
    }

    private static BlobRef blob(DataValue value) {
        if (!(value instanceof MapValue map)) {
            throw wrongKind("a blob", value);
        }
        try {
            return BlobRef.from(map).orElseThrow(() -> new LexiconDataException(
                    LexiconDataException.Reason.INVALID_BLOB, "not a blob reference"));
        } catch (InvalidDataException e) {
            throw new LexiconDataException(LexiconDataException.Reason.INVALID_BLOB,
                    "not a valid blob reference: " + e.getMessage());
        }
    }

    private static LexiconDataException wrongKind(String expected, DataValue actual) {
        return new LexiconDataException(LexiconDataException.Reason.WRONG_KIND,
                "must be " + expected + ", not " + actual.kind());
    }
}
