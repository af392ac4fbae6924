package dev.skein.relay.web;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Marks every response with {@code Server: skein-relay (atproto-relay)}: relays refuse to subscribe to a host that
 * says it is a relay, which keeps two relays from feeding each other in a loop.
 */
public final class RelayServerHeader implements WebFilter {
    public static final String VALUE = "skein-relay (atproto-relay)";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().getHeaders().set("Server", VALUE);
        return chain.filter(exchange);
    }
}
