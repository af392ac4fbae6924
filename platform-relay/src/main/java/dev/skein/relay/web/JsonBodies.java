package dev.skein.relay.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads JSON request bodies of procedures, up to {@link #MAX_BYTES}. */
public final class JsonBodies {
    /** Procedure bodies of the relay are small. */
    public static final int MAX_BYTES = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonBodies() {}

    public static Mono<JsonNode> read(ServerRequest request) {
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), MAX_BYTES)
                .onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class,
                        e -> new XrpcError(413, "PayloadTooLarge", "request body over " + MAX_BYTES + " bytes"))
                .map(buf -> {
                    byte[] bytes = new byte[buf.readableByteCount()];
                    buf.read(bytes);
                    DataBufferUtils.release(buf);
                    try {
                        JsonNode n = JSON.readTree(bytes);
                        if (!n.isObject()) {
                            throw XrpcError.invalidRequest("Request body must be a JSON object");
                        }
                        return n;
                    } catch (XrpcError e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw XrpcError.invalidRequest("Request body is not valid JSON");
                    }
                })
                .switchIfEmpty(Mono.error(() -> XrpcError.invalidRequest("Request body must be a JSON object")));
    }

    public static String string(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isString() || v.asString().isEmpty()) {
            throw XrpcError.invalidRequest("Input must have the property \"" + field + "\"");
        }
        return v.asString();
    }
}
