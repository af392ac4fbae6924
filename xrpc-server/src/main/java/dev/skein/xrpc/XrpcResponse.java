package dev.skein.xrpc;

import dev.skein.core.data.MapValue;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * What an XRPC handler answers: a JSON object, bytes with a content type, a byte stream, a redirect to where
 * the answer is, or nothing.
 */
public sealed interface XrpcResponse {

    static XrpcResponse json(MapValue body) {
        return new Json(body);
    }

    static XrpcResponse bytes(byte[] bytes, String contentType) {
        return new Binary(bytes, contentType, Map.of());
    }

    static XrpcResponse redirect(URI location) {
        return new Redirect(location);
    }

    static XrpcResponse empty() {
        return Empty.INSTANCE;
    }

    /** A JSON object ({@code application/json}), checked against the output schema when the dispatcher validates output. */
    record Json(MapValue body) implements XrpcResponse {
        public Json {
            Objects.requireNonNull(body, "body");
        }
    }

    /** Bytes (a blob, a CAR) with their content type and any extra headers. */
    record Binary(byte[] bytes, String contentType, Map<String, String> headers) implements XrpcResponse {
        public Binary {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(contentType, "contentType");
            headers = Map.copyOf(headers);
        }
    }

    /** A body written as it is produced (a large CAR export). */
    record Streamed(Flux<byte[]> chunks, String contentType) implements XrpcResponse {
        public Streamed {
            Objects.requireNonNull(chunks, "chunks");
            Objects.requireNonNull(contentType, "contentType");
        }
    }

    /**
     * A {@code 302 Found} to {@code location}, which answers the call in this one's place: a relay, which keeps no
     * repositories, sends {@code getRepo} to the account's PDS, as the sync spec lets it.
     */
    record Redirect(URI location) implements XrpcResponse {
        public Redirect {
            Objects.requireNonNull(location, "location");
        }
    }

    /** A 200 with no body, for procedures that declare no output. */
    enum Empty implements XrpcResponse {
        INSTANCE
    }
}
