package dev.skein.app.xrpc;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The {@code /xrpc/} paths every Skein process answers: the health check atproto services expose, a
 * {@code MethodNotImplemented} error for any method no role of this process serves, and a JSON 404 for
 * paths below {@code /xrpc/} that cannot name a method.
 * Spec: https://atproto.com/specs/xrpc
 */
@Configuration(proxyBeanMethods = false)
class XrpcRouting {
    static final String HEALTH_PATH = "/xrpc/_health";

    /** What {@code /xrpc/_health} answers, as the reference PDS does: {@code {"version": "..."}}. */
    record Health(String version) {}

    @Bean
    RouterFunction<ServerResponse> xrpcRoutes(ObjectProvider<BuildProperties> build) {
        Health health = new Health(build.stream().map(BuildProperties::getVersion).findFirst().orElse("unknown"));
        return RouterFunctions.route(GET(HEALTH_PATH), request -> json(HttpStatus.OK, health))
                .andRoute(path("/xrpc/{method}"), request -> json(HttpStatus.NOT_IMPLEMENTED,
                        new XrpcError("MethodNotImplemented",
                                "Method not implemented: " + request.pathVariable("method"))))
                .andRoute(path("/xrpc/**"), request -> json(HttpStatus.NOT_FOUND,
                        new XrpcError("XRPCNotSupported", "Not an XRPC method path: " + request.path())));
    }

    private static Mono<ServerResponse> json(HttpStatus status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
