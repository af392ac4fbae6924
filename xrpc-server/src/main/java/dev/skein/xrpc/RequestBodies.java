package dev.skein.xrpc;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.InvalidDataException;
import dev.skein.core.data.MapValue;
import java.util.List;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Reads request bodies within their limits: the declared length is checked before reading, the bytes
 * while reading (413 either way); a JSON body must say {@code application/json} (415 otherwise) and be
 * an object of the data model (400 otherwise: malformed JSON, floats, bad {@code $link} or {@code $bytes}).
 */
final class RequestBodies {
    /** What a raw body is taken to be when the client names no type. */
    static final String DEFAULT_BINARY_TYPE = "application/octet-stream";

    private RequestBodies() {}

    static Mono<XrpcInput> read(XrpcMethod method, ServerRequest request, XrpcSettings settings) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        return switch (method.input()) {
            case NONE -> {
                if (declaresBody(headers)) {
                    throw XrpcException.invalidRequest("A request body was provided when none was expected");
                }
                yield Mono.just(XrpcInput.NONE);
            }
            case JSON -> json(request, limit(method, settings.maxJsonInputBytes()));
            case BYTES -> binary(request, limit(method, settings.maxBinaryInputBytes()));
        };
    }

    private static long limit(XrpcMethod method, long dflt) {
        return method.maxInputBytes().orElse(dflt);
    }

    private static Mono<XrpcInput> json(ServerRequest request, long limit) {
        MediaType type = contentType(request.headers().asHttpHeaders());
        return bytes(request, limit).map(bytes -> {
            if (bytes.length == 0) {
                throw XrpcException.invalidRequest("A JSON request body is required");
            }
            if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
                throw XrpcException.unsupportedMediaType("Wrong request encoding (Content-Type): "
                        + (type == null ? "none" : type.toString()) + ", expected application/json");
            }
            try {
                MapValue body = DataJson.parseObject(bytes, new DataLimits(limit, DataLimits.RECORD.maxDepth(),
                        DataLimits.RECORD.maxContainerElements(), DataLimits.RECORD.maxKeyBytes()));
                return new XrpcInput.Json(body);
            } catch (InvalidDataException e) {
                throw XrpcException.invalidRequest("Invalid JSON request body: " + e.getMessage());
            }
        });
    }

    private static Mono<XrpcInput> binary(ServerRequest request, long limit) {
        MediaType type = contentType(request.headers().asHttpHeaders());
        String contentType = type == null ? DEFAULT_BINARY_TYPE : type.toString();
        return bytes(request, limit).map(bytes -> new XrpcInput.Binary(bytes, contentType));
    }

    /** The whole body, or 413 as soon as it is known to exceed {@code limit}. */
    private static Mono<byte[]> bytes(ServerRequest request, long limit) {
        long declared = request.headers().asHttpHeaders().getContentLength();
        if (declared > limit) {
            return Mono.error(tooLarge(limit));
        }
        int max = (int) Math.min(limit, Integer.MAX_VALUE - 8);
        return DataBufferUtils.join(request.exchange().getRequest().getBody(), max)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(limit));
    }

    private static XrpcException tooLarge(long limit) {
        return XrpcException.payloadTooLarge("Request body is larger than " + limit + " bytes");
    }

    private static MediaType contentType(HttpHeaders headers) {
        try {
            return headers.getContentType();
        } catch (InvalidMediaTypeException e) {
            throw XrpcException.unsupportedMediaType("Unreadable Content-Type: " + e.getMessage());
        }
    }

    /** Whether the headers announce a body, as the reference server decides it (length or chunked). */
    private static boolean declaresBody(HttpHeaders headers) {
        List<String> te = headers.get(HttpHeaders.TRANSFER_ENCODING);
        return headers.getContentLength() > 0 || (te != null && !te.isEmpty());
    }
}
