package dev.skein.relay.web;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * One XRPC method the relay serves: its NSID, whether it is a query ({@code GET}) or a procedure ({@code POST}),
 * whether it needs the admin credential, and its handler. Handlers throw {@link XrpcError} for errors the lexicon
 * declares.
 */
public interface XrpcMethod {
    String nsid();

    default HttpMethod httpMethod() {
        return HttpMethod.GET;
    }

    default boolean admin() {
        return false;
    }

    Mono<ServerResponse> handle(ServerRequest request);
}
