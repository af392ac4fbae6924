package dev.skein.xrpc;

import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.syntax.Nsid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Small methods that exercise each part of the dispatcher's pipeline, and the auth and limiter they use. */
final class TestMethods {
    static final LexiconCatalog CATALOG =
            LexiconCatalog.fromResourceIndex(TestMethods.class.getClassLoader(), "lexicons/index.txt");
    static final long UPLOAD_LIMIT = 1000;

    /** Credentials of the test auth: the token that was presented. */
    record Token(String value) implements Credentials {}

    private TestMethods() {}

    record Method(Nsid nsid, Kind kind, Input input, AuthRequirement auth, OptionalLong maxInputBytes,
                  Function<XrpcRequest, XrpcResponse> body) implements XrpcMethod {
        @Override
        public Mono<XrpcResponse> handle(XrpcRequest request) {
            return Mono.fromSupplier(() -> body.apply(request));
        }
    }

    static Method query(String nsid, Function<XrpcRequest, XrpcResponse> body) {
        return new Method(Nsid.parse(nsid), XrpcMethod.Kind.QUERY, XrpcMethod.Input.NONE, AuthRequirement.NONE,
                OptionalLong.empty(), body);
    }

    static Method procedure(String nsid, XrpcMethod.Input input, Function<XrpcRequest, XrpcResponse> body) {
        return new Method(Nsid.parse(nsid), XrpcMethod.Kind.PROCEDURE, input, AuthRequirement.NONE,
                OptionalLong.empty(), body);
    }

    static List<XrpcMethod> all() {
        return List.of(
                query("test.echo.query", r -> XrpcResponse.json(r.params().values())),
                query("test.echo.raw", r -> XrpcResponse.json(r.params().values())),
                procedure("test.echo.procedure", XrpcMethod.Input.JSON, r -> {
                    if (r.body().getString("text").orElse("").equals("reject")) {
                        throw XrpcException.badRequest("TextRejected", "This text is rejected");
                    }
                    return XrpcResponse.json(r.body());
                }),
                procedure("test.echo.noschema", XrpcMethod.Input.JSON, r -> XrpcResponse.json(r.body())),
                new Method(Nsid.parse("test.upload.blob"), XrpcMethod.Kind.PROCEDURE, XrpcMethod.Input.BYTES,
                        AuthRequirement.NONE, OptionalLong.of(UPLOAD_LIMIT), r -> XrpcResponse.json(MapValue.builder()
                        .put("size", r.binary().bytes().length).put("type", r.binary().contentType()).build())),
                procedure("test.no.input", XrpcMethod.Input.NONE, r -> XrpcResponse.empty()),
                new Method(Nsid.parse("test.auth.access"), XrpcMethod.Kind.QUERY, XrpcMethod.Input.NONE,
                        AuthRequirement.ACCESS, OptionalLong.empty(), r -> XrpcResponse.json(MapValue.builder()
                        .put("token", r.credentials(Token.class).value()).build())),
                query("test.fail.internal", r -> {
                    throw new IllegalStateException("secret detail: password=hunter2");
                }),
                query("test.bad.output", r -> XrpcResponse.json(MapValue.builder().put("y", "no x here").build())),
                query("test.rate.limited", r -> XrpcResponse.json(MapValue.EMPTY)),
                query("test.redirect.elsewhere", r -> XrpcResponse.redirect(java.net.URI.create("https://elsewhere.test/xrpc/test.redirect.elsewhere?a=b%20c"))),
                query("test.binary.out", r -> XrpcResponse.bytes(new byte[] {1, 2, 3}, "application/vnd.ipld.car")),
                new XrpcMethod() {
                    @Override
                    public Nsid nsid() {
                        return Nsid.parse("test.answers.nothing");
                    }

                    @Override
                    public Kind kind() {
                        return Kind.QUERY;
                    }

                    @Override
                    public Mono<XrpcResponse> handle(XrpcRequest request) {
                        return Mono.empty();
                    }
                },
                new Method(Nsid.parse("test.auth.nothing"), XrpcMethod.Kind.QUERY, XrpcMethod.Input.NONE,
                        AuthRequirement.ACCESS, OptionalLong.empty(), r -> XrpcResponse.empty()));
    }

    /** Bearer {@code good-*} passes, {@code expired} is an expired token, anything else is invalid. */
    static final XrpcAuth AUTH = (method, requirement, headers) -> {
        if (requirement == AuthRequirement.NONE) {
            return Mono.just(Credentials.ANONYMOUS);
        }
        String header = headers.getFirst("Authorization");
        if (header == null) {
            return Mono.error(XrpcException.unauthorized("AuthMissing", "Authentication Required", "Bearer"));
        }
        String token = header.startsWith("Bearer ") ? header.substring(7) : "";
        if (token.equals("expired")) {
            return Mono.error(XrpcException.badRequest("ExpiredToken", "Token has expired"));
        }
        if (token.equals("nothing")) {
            return Mono.empty();
        }
        if (!token.startsWith("good-")) {
            return Mono.error(XrpcException.badRequest("InvalidToken", "Token could not be verified"));
        }
        return Mono.just(new Token(token));
    };

    /** {@code test.rate.limited} allows 2 calls per window for {@code X-Caller}; others are unlimited. */
    static XrpcRateLimiter limiter() {
        java.util.Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();
        Instant reset = Instant.now().plus(Duration.ofMinutes(5));
        return (method, request) -> {
            if (!method.nsid().equals(Nsid.parse("test.rate.limited"))) {
                return Mono.just(Optional.empty());
            }
            String caller = Optional.ofNullable(request.headers().getFirst("X-Caller")).orElse("anyone");
            int n = calls.merge(caller, 1, Integer::sum);
            return Mono.just(Optional.of(new RateLimitStatus(2, 2 - n, reset, Duration.ofMinutes(5))));
        };
    }
}
