package dev.skein.plc.http;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.identity.PlcLogEntry;
import dev.skein.core.identity.PlcOp;
import dev.skein.core.identity.PlcOperationException;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.plc.DidState;
import dev.skein.plc.PlcDirectory;
import dev.skein.plc.PlcRateLimitException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The PLC directory's HTTP API, route for route, status for status, as the reference directory serves it:
 * {@code POST /:did} submits an operation; {@code GET /:did} (DID document), {@code /:did/data},
 * {@code /:did/log}, {@code /:did/log/audit}, {@code /:did/log/last}; {@code GET /export} (JSON lines, paged
 * by time); {@code GET /_health}. Errors are {@code {"message": …}}: 400 for a refused operation or query,
 * 404 for an unknown DID, 410 for a deactivated one, 413 for a body over the limit.
 *
 * <p>Spec: <a href="https://web.plc.directory/api/redoc">the directory's API</a>.
 */
public final class PlcHttpApi {
    static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);
    static final MediaType DID_JSON = new MediaType("application", "did+ld+json", StandardCharsets.UTF_8);
    static final MediaType JSON_LINES = new MediaType("application", "jsonlines");
    private static final Logger LOG = LoggerFactory.getLogger(PlcHttpApi.class);

    private final PlcDirectory directory;
    private final int maxRequestBytes;
    private final String version;

    /**
     * @param directory the directory the routes call
     * @param maxRequestBytes the largest request body accepted
     * @param version what {@code /_health} reports
     */
    public PlcHttpApi(PlcDirectory directory, int maxRequestBytes, String version) {
        this.directory = directory;
        this.maxRequestBytes = maxRequestBytes;
        this.version = version;
    }

    /** The routes, with every failure turned into a {@code {"message": …}} answer. */
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/_health", this::health)
                .GET("/export", this::export)
                .GET("/{did}", this::document)
                .POST("/{did}", this::submit)
                .GET("/{did}/data", this::data)
                .GET("/{did}/log", this::log)
                .GET("/{did}/log/audit", this::auditLog)
                .GET("/{did}/log/last", this::lastOperation)
                .filter((request, next) -> Mono.defer(() -> next.handle(request)).onErrorResume(PlcHttpApi::failure))
                .build();
    }

    private Mono<ServerResponse> health(ServerRequest request) {
        MapValue.Builder body = MapValue.builder().put("version", version);
        return blocking(() -> {
            directory.checkHealth();
            return body.build();
        }).flatMap(ok -> json(200, ok)).onErrorResume(e -> {
            LOG.warn("PLC directory health check failed", e);
            return json(503, body.put("error", "Service Unavailable").build());
        });
    }

    private Mono<ServerResponse> export(ServerRequest request) {
        ExportQuery query = ExportQuery.parse(request.queryParam("count"), request.queryParam("after"));
        return blocking(() -> directory.export(query.after(), query.count())).flatMap(entries -> {
            String lines = entries.stream().map(e -> DataJson.writeString(e.toValue())).collect(Collectors.joining("\n"));
            return ServerResponse.ok().contentType(JSON_LINES).bodyValue(lines);
        });
    }

    private Mono<ServerResponse> document(ServerRequest request) {
        return state(request).flatMap(state -> switch (state) {
            case DidState.Unknown u -> notRegistered(u.did().value());
            case DidState.Deactivated d -> notAvailable(d.did());
            case DidState.Active a -> ServerResponse.ok().contentType(DID_JSON)
                    .bodyValue(a.state().toDidDocument().toJsonString());
        });
    }

    private Mono<ServerResponse> data(ServerRequest request) {
        return state(request).flatMap(state -> switch (state) {
            case DidState.Unknown u -> notRegistered(u.did().value());
            case DidState.Deactivated d -> notAvailable(d.did());
            case DidState.Active a -> ServerResponse.ok().contentType(JSON).bodyValue(a.state().toJson());
        });
    }

    private Mono<ServerResponse> log(ServerRequest request) {
        return lookup(request, did -> {
            List<PlcOp> ops = directory.operationLog(did);
            List<DataValue> items = ops.stream().<DataValue>map(PlcOp::toValue).toList();
            return ops.isEmpty() ? Optional.empty() : Optional.of(DataJson.writeString(new ArrayValue(items)));
        });
    }

    private Mono<ServerResponse> auditLog(ServerRequest request) {
        return lookup(request, did -> {
            List<PlcLogEntry> entries = directory.auditLog(did);
            return entries.isEmpty() ? Optional.empty() : Optional.of(PlcLogEntry.toJson(entries));
        });
    }

    private Mono<ServerResponse> lastOperation(ServerRequest request) {
        return lookup(request, did -> directory.lastOperation(did).map(last -> last.operation().toJson()));
    }

    private Mono<ServerResponse> submit(ServerRequest request) {
        String path = request.pathVariable("did");
        return body(request).flatMap(bytes -> {
            Did did = submittedDid(path);
            requireJson(request);
            PlcOp op = PlcOp.fromJson(bytes);
            return blocking(() -> directory.submit(did, op));
        }).flatMap(accepted -> ServerResponse.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).bodyValue("OK"));
    }

    /**
     * Answers with the JSON {@code find} gives for the DID in the path, or 404 when it finds nothing (an
     * unknown DID, or a path that is not a DID).
     */
    private Mono<ServerResponse> lookup(ServerRequest request, Function<Did, Optional<String>> find) {
        String path = request.pathVariable("did");
        Optional<Did> did = pathDid(path);
        if (did.isEmpty()) {
            return notRegistered(path);
        }
        return blocking(() -> find.apply(did.get())).flatMap(json -> json.isEmpty() ? notRegistered(path)
                : ServerResponse.ok().contentType(JSON).bodyValue(json.get()));
    }

    private Mono<DidState> state(ServerRequest request) {
        String path = request.pathVariable("did");
        return pathDid(path).map(did -> blocking(() -> directory.state(did)))
                .orElseGet(() -> Mono.error(new PlcHttpException(404, "DID not registered: " + path)));
    }

    /** A DID to look up; a path that is not one names nothing the directory holds. */
    private static Optional<Did> pathDid(String path) {
        try {
            return Optional.of(Did.parse(path));
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
    }

    private static Did submittedDid(String path) {
        try {
            return Did.parse(path);
        } catch (InvalidSyntaxException e) {
            throw new PlcHttpException(400, "Not a DID: " + path);
        }
    }

    /** Accepts JSON, and a body without a content type; refuses a body that says it is something else. */
    private static void requireJson(ServerRequest request) {
        Optional<MediaType> type = request.headers().contentType();
        if (type.isPresent() && !type.get().isCompatibleWith(MediaType.APPLICATION_JSON)
                && !"json".equals(type.get().getSubtypeSuffix())) {
            throw new PlcHttpException(400, "Expected an application/json body, not " + type.get());
        }
    }

    /** The request body, refused with 413 past {@code maxRequestBytes} (declared or actual). */
    private Mono<byte[]> body(ServerRequest request) {
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > maxRequestBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxRequestBytes)
                .map(PlcHttpApi::bytes)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    private PlcHttpException tooLarge() {
        return new PlcHttpException(413, "request entity too large (" + maxRequestBytes + " bytes maximum)");
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] out = new byte[buffer.readableByteCount()];
            buffer.read(out);
            return out;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    private static Mono<ServerResponse> notRegistered(String did) {
        return message(404, "DID not registered: " + did);
    }

    private static Mono<ServerResponse> notAvailable(Did did) {
        return message(410, "DID not available: " + did);
    }

    private static Mono<ServerResponse> failure(Throwable e) {
        return switch (e) {
            case PlcHttpException h -> message(h.status(), h.getMessage());
            case PlcOperationException op -> message(400, op.getMessage());
            case PlcRateLimitException rate -> message(400, rate.getMessage());
            default -> {
                LOG.error("PLC directory request failed", e);
                yield message(500, "Internal Server Error");
            }
        };
    }

    static Mono<ServerResponse> message(int status, String message) {
        return json(status, MapValue.builder().put("message", message).build());
    }

    private static Mono<ServerResponse> json(int status, MapValue body) {
        return ServerResponse.status(status).contentType(JSON).bodyValue(DataJson.writeString(body));
    }
}
