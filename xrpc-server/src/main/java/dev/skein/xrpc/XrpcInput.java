package dev.skein.xrpc;

import dev.skein.core.data.MapValue;
import java.util.Objects;

/** The request body of an XRPC call, as its method's {@link XrpcMethod.Input} declares it. */
public sealed interface XrpcInput {
    XrpcInput NONE = new None();

    /** No body. */
    record None() implements XrpcInput {}

    /** A JSON object, read into the data model ({@code $link}, {@code $bytes}, no floats). */
    record Json(MapValue body) implements XrpcInput {
        public Json {
            Objects.requireNonNull(body, "body");
        }
    }

    /** Raw bytes with the content type the client declared. */
    record Binary(byte[] bytes, String contentType) implements XrpcInput {
        public Binary {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(contentType, "contentType");
        }
    }
}
