package dev.skein.relay.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One route for every XRPC method at {@code /xrpc/{nsid}}: unknown NSIDs get 501 {@code MethodNotImplemented}, the
 * wrong HTTP method 400 {@code InvalidRequest}, admin methods without the credential 401 {@code AuthRequired};
 * errors are written as {@code {"error", "message"}}, and an unexpected failure as a 500 that says nothing more.
 */
public final class XrpcDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(XrpcDispatcher.class);

    private final Map<String, XrpcMethod> methods = new LinkedHashMap<>();
    private final AdminAuth admin;

    public XrpcDispatcher(List<XrpcMethod> methods, AdminAuth admin) {
        for (XrpcMethod m : methods) {
            this.methods.put(m.nsid(), m);
        }
        this.admin = admin;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route(RequestPredicates.path("/xrpc/{nsid}"), this::dispatch);
    }

    private Mono<ServerResponse> dispatch(ServerRequest request) {
        String nsid = request.pathVariable("nsid");
        XrpcMethod m = methods.get(nsid);
        if (m == null) {
            return error(new XrpcError(501, "MethodNotImplemented", "Method Not Implemented"));
        }
        if (!m.httpMethod().equals(request.method())) {
            return error(XrpcError.invalidRequest("Incorrect HTTP method (" + request.method() + ") expected " + m.httpMethod()));
        }
        if (m.admin()) {
            // The password hash is slow on purpose: checked off the event loop.
            return Mono.fromCallable(() -> admin.allows(request.exchange().getRequest()))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(allowed -> allowed ? call(m, nsid, request)
                            : error(new XrpcError(401, "AuthRequired", "Authentication Required")));
        }
        return call(m, nsid, request);
    }

    private Mono<ServerResponse> call(XrpcMethod m, String nsid, ServerRequest request) {
        return Mono.defer(() -> m.handle(request)).onErrorResume(e -> {
            if (e instanceof XrpcError x) {
                return error(x);
            }
            LOG.warn("{} failed", nsid, e);
            return error(new XrpcError(500, "InternalServerError", "Internal Server Error"));
        });
    }

    public static Mono<ServerResponse> error(XrpcError e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        if (e.getMessage() != null) {
            body.put("message", e.getMessage());
        }
        return ServerResponse.status(e.status()).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
