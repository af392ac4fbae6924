package dev.skein.xrpc;

import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A 200 answer whose body is already encoded (the JSON of a method's output, a blob, a CAR), written to
 * the exchange as one buffer with its length. {@code ServerResponse.ok().bodyValue(bytes)} gives the same
 * answer through Spring's body inserters and message writers (a writer lookup by type and media type, a
 * builder, header maps copied twice): on a small read that machinery cost about as much CPU as encoding
 * its JSON.
 */
final class EncodedResponse implements ServerResponse {
    private static final MultiValueMap<String, ResponseCookie> NO_COOKIES =
            CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>());

    private final HttpHeaders headers;
    private final byte[] body;

    /** {@code headers} must include the content type; the content length is set from {@code body}. */
    EncodedResponse(HttpHeaders headers, byte[] body) {
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
        headers.setContentLength(body.length);
    }

    @Override
    public HttpStatusCode statusCode() {
        return HttpStatus.OK;
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }

    @Override
    public MultiValueMap<String, ResponseCookie> cookies() {
        return NO_COOKIES;
    }

    @Override
    public Mono<Void> writeTo(ServerWebExchange exchange, Context context) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().putAll(headers);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
