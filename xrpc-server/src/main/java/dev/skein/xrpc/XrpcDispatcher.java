package dev.skein.xrpc;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexiconValidationException;
import dev.skein.core.lexicon.LexiconValidator;
import dev.skein.core.lexicon.ValidationError;
import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.core.syntax.Nsid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The one XRPC endpoint of a service: {@code /xrpc/{nsid}} for every registered method and subscription,
 * {@code /xrpc/_health}, and JSON errors for everything else below {@code /xrpc/}.
 *
 * <p>Each call runs the same pipeline: the HTTP method ({@code GET} for a query, {@code POST} for a
 * procedure, else 400), the parameters (validated against the lexicon when the catalog has it), the
 * credentials ({@link XrpcAuth}), the body ({@link XrpcMethod.Input}: size, content type, data model,
 * lexicon), the rate limit, the handler, and, when {@link XrpcSettings#validateOutput()} is on, the
 * output. Unknown methods are 501 {@code MethodNotImplemented}.
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc">XRPC</a>.
 */
public final class XrpcDispatcher {
    public static final String HEALTH_PATH = "/xrpc/_health";

    private final XrpcRegistry registry;
    private final LexiconValidator validator;
    private final XrpcAuth auth;
    private final XrpcRateLimiter rateLimiter;
    private final XrpcSettings settings;
    private final SubscriptionEndpoint subscriptions;

    public XrpcDispatcher(XrpcRegistry registry, XrpcAuth auth, XrpcRateLimiter rateLimiter, XrpcSettings settings) {
        this.registry = registry;
        this.validator = new LexiconValidator(registry.catalog());
        this.auth = auth;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.subscriptions = new SubscriptionEndpoint(settings.subscriptions());
    }

    public XrpcRegistry registry() {
        return registry;
    }

    /**
     * The subscription streams this dispatcher has open; register it as a bean of the service's context so
     * that shutdown closes them with {@code 1001 Going Away}.
     */
    public OpenSockets openSockets() {
        return subscriptions.openSockets();
    }

    /** The routes to register as a {@code RouterFunction} bean of the service's web context. */
    public RouterFunction<ServerResponse> routes() {
        byte[] health = DataJson.write(MapValue.builder().put("version", settings.version()).build());
        return RouterFunctions.route(GET(HEALTH_PATH), request ->
                        ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(health))
                .andRoute(path("/xrpc/{nsid}"), this::dispatch)
                .andRoute(path("/xrpc/**"), request -> XrpcErrorRenderer.render(new XrpcException(404,
                        "XRPCNotSupported", "Not an XRPC method path: " + request.path())));
    }

    private Mono<ServerResponse> dispatch(ServerRequest request) {
        String name = request.pathVariable("nsid");
        Optional<Nsid> nsid = parseNsid(name);
        Optional<XrpcMethod> method = nsid.flatMap(registry::method);
        if (method.isPresent()) {
            return call(method.get(), request).onErrorResume(XrpcErrorRenderer::render);
        }
        Optional<XrpcSubscription> subscription = nsid.flatMap(registry::subscription);
        if (subscription.isPresent()) {
            return Mono.defer(() -> subscriptions.handle(subscription.get(), params(subscription.get().nsid(), request), request))
                    .onErrorResume(XrpcErrorRenderer::render);
        }
        return XrpcErrorRenderer.render(XrpcException.methodNotImplemented("Method not implemented: " + name));
    }

    private Mono<ServerResponse> call(XrpcMethod method, ServerRequest request) {
        return Mono.defer(() -> {
            checkHttpMethod(method, request.method());
            XrpcParams params = params(method.nsid(), request);
            return auth.authenticate(method.nsid(), method.auth(), request.headers().asHttpHeaders())
                    .switchIfEmpty(Mono.error(() -> XrpcException.internal(
                            new IllegalStateException("authentication of " + method.nsid() + " gave no credentials"))))
                    .flatMap(credentials -> RequestBodies.read(method, request, settings)
                            .map(input -> new XrpcRequest(method.nsid(), params, checkInput(method, input),
                                    request.headers().asHttpHeaders(), request.remoteAddress(), credentials)))
                    .flatMap(call -> rateLimiter.consume(method, call).flatMap(limit -> {
                        Map<String, String> limitHeaders = limit.map(RateLimitStatus::headers).orElse(Map.of());
                        if (limit.isPresent() && limit.get().exceeded()) {
                            return Mono.error(tooManyRequests(limit.get(), limitHeaders));
                        }
                        return method.handle(call)
                                .switchIfEmpty(Mono.error(() -> XrpcException.internal(
                                        new IllegalStateException(method.nsid() + " answered nothing"))))
                                .flatMap(response -> render(method, response, limitHeaders));
                    }));
        });
    }

    private static void checkHttpMethod(XrpcMethod method, HttpMethod actual) {
        HttpMethod expected = method.kind() == XrpcMethod.Kind.QUERY ? HttpMethod.GET : HttpMethod.POST;
        if (!expected.equals(actual)) {
            throw XrpcException.invalidRequest("Incorrect HTTP method (" + actual.name() + ") expected " + expected.name());
        }
    }

    private XrpcParams params(Nsid nsid, ServerRequest request) {
        Map<String, List<String>> query = request.queryParams();
        if (!registry.hasSchema(nsid)) {
            return XrpcParams.raw(query);
        }
        try {
            return new XrpcParams(validator.decodeParams(nsid, query), true);
        } catch (LexiconValidationException e) {
            throw XrpcException.invalidRequest(e.getMessage());
        }
    }

    private XrpcInput checkInput(XrpcMethod method, XrpcInput input) {
        if (input instanceof XrpcInput.Json json && registry.hasSchema(method.nsid())) {
            List<ValidationError> errors = validator.validateInput(method.nsid(), json.body());
            if (!errors.isEmpty()) {
                throw XrpcException.invalidRequest(new LexiconValidationException(errors).getMessage());
            }
        }
        return input;
    }

    private static XrpcException tooManyRequests(RateLimitStatus status, Map<String, String> headers) {
        XrpcException e = new XrpcException(429, "RateLimitExceeded", "Rate Limit Exceeded", headers, null);
        long retry = Math.max(1, Duration.between(Instant.now(), status.reset()).toSeconds());
        return e.withHeader("Retry-After", Long.toString(retry));
    }

    private Mono<ServerResponse> render(XrpcMethod method, XrpcResponse response, Map<String, String> headers) {
        return switch (response) {
            case XrpcResponse.Json json -> {
                checkOutput(method, json.body());
                yield Mono.just(new EncodedResponse(okHeaders(headers, MediaType.APPLICATION_JSON_VALUE),
                        DataJson.write(json.body())));
            }
            case XrpcResponse.Binary binary -> {
                HttpHeaders h = okHeaders(headers, MediaType.parseMediaType(binary.contentType()).toString());
                binary.headers().forEach(h::set);
                yield Mono.just(new EncodedResponse(h, binary.bytes()));
            }
            case XrpcResponse.Streamed streamed -> ok(headers)
                    .contentType(MediaType.parseMediaType(streamed.contentType()))
                    .body(BodyInserters.fromDataBuffers(streamed.chunks().map(DefaultDataBufferFactory.sharedInstance::wrap)));
            case XrpcResponse.Redirect redirect -> {
                ServerResponse.BodyBuilder b = ServerResponse.status(HttpStatus.FOUND).location(redirect.location());
                headers.forEach(b::header);
                yield b.build();
            }
            case XrpcResponse.Empty empty -> ok(headers).build();
        };
    }

    private void checkOutput(XrpcMethod method, MapValue body) {
        if (!settings.validateOutput() || !registry.hasSchema(method.nsid())) {
            return;
        }
        List<ValidationError> errors = validator.validateOutput(method.nsid(), body);
        if (!errors.isEmpty()) {
            throw XrpcException.internal(new IllegalStateException(method.nsid()
                    + " answered output that fails its lexicon: " + errors));
        }
    }

    /** The headers of a 200 with a body: its content type, and the rate-limit headers, exposed to browsers. */
    private static HttpHeaders okHeaders(Map<String, String> headers, String contentType) {
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.CONTENT_TYPE, contentType);
        headers.forEach(h::set);
        if (!headers.isEmpty()) {
            h.set("Access-Control-Expose-Headers", String.join(", ", headers.keySet()));
        }
        return h;
    }

    private static ServerResponse.BodyBuilder ok(Map<String, String> headers) {
        ServerResponse.BodyBuilder b = ServerResponse.ok();
        headers.forEach(b::header);
        if (!headers.isEmpty()) {
            b.header("Access-Control-Expose-Headers", String.join(", ", headers.keySet()));
        }
        return b;
    }

    private static Optional<Nsid> parseNsid(String name) {
        try {
            return Optional.of(Nsid.parse(name));
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
    }
}
