package dev.skein.xrpc;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Writes every XRPC error the one way atproto clients expect: the status, {@code Content-Type:
 * application/json} and {@code {"error": name, "message": text}}. Anything that is not an
 * {@link XrpcException} is a 500 whose body says only "Internal Server Error"; its details go to the log.
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc#error-responses">XRPC: error responses</a>.
 */
public final class XrpcErrorRenderer {
    private static final Logger log = LoggerFactory.getLogger(XrpcErrorRenderer.class);

    private XrpcErrorRenderer() {}

    /** The response for {@code failure}, logging it when it is a server error. */
    public static Mono<ServerResponse> render(Throwable failure) {
        XrpcException e = failure instanceof XrpcException x ? x : XrpcException.internal(failure);
        if (e.status() >= 500 && e.getCause() != null) {
            log.error("XRPC call failed: {}", e.getCause().toString(), e.getCause());
        }
        ServerResponse.BodyBuilder b = ServerResponse.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        e.headers().forEach(b::header);
        return b.bodyValue(body(e));
    }

    /** The JSON body of an error: {@code {"error","message"}}, the message left out when there is none. */
    public static byte[] body(XrpcException e) {
        MapValue.Builder b = MapValue.builder().put("error", e.error());
        if (e.getMessage() != null && !e.getMessage().isEmpty()) {
            b.put("message", e.getMessage());
        }
        return DataJson.write(b.build());
    }
}
