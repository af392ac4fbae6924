package dev.skein.xrpc.client;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.InvalidDataException;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Calls XRPC methods of one service over plain HTTP, as any atproto client does: queries are {@code GET
 * /xrpc/<nsid>?params}, procedures {@code POST} with a JSON body; an error answer becomes an {@link XrpcError},
 * a service that does not answer a {@link ServiceUnreachable}. Bodies are read as the atproto data model
 * ({@link DataJson}), so records come back with links and bytes typed.
 */
public final class XrpcClient {
    /** The largest JSON answer read: a page of records is far smaller. */
    private static final DataLimits RESPONSE_LIMITS = new DataLimits(16 << 20, 64, 1_000_000, 8_192);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;

    public XrpcClient(URI base, HttpClient http) {
        this.base = stripSlash(base);
        this.http = http;
    }

    public XrpcClient(URI base) {
        this(base, defaultHttp());
    }

    /** A client with a short connect timeout, following no redirects (XRPC does not use them). */
    public static HttpClient defaultHttp() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI base() {
        return base;
    }

    public HttpClient http() {
        return http;
    }

    /** A query's JSON answer. Parameters with a list value repeat the key. */
    public MapValue query(Nsid method, Map<String, ?> params, Optional<String> authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(method, params)).timeout(TIMEOUT).GET();
        authorization.ifPresent(a -> b.header("Authorization", a));
        return json(send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** A query whose answer is bytes (a CAR, a blob). */
    public byte[] queryBytes(Nsid method, Map<String, ?> params, Optional<String> authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(method, params)).timeout(TIMEOUT).GET();
        authorization.ifPresent(a -> b.header("Authorization", a));
        HttpResponse<byte[]> r = send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        checkStatus(r);
        return r.body();
    }

    /** A procedure with a JSON body (or none), and its JSON answer ({@link MapValue#EMPTY} when it has none). */
    public MapValue procedure(Nsid method, MapValue body, Optional<String> authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(method, Map.of())).timeout(TIMEOUT);
        if (body == null) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(DataJson.write(body)));
        }
        authorization.ifPresent(a -> b.header("Authorization", a));
        return json(send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** A GET of any path of the service (a PLC directory's {@code /<did>}). */
    public byte[] get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
        HttpResponse<byte[]> r = send(request, HttpResponse.BodyHandlers.ofByteArray());
        checkStatus(r);
        return r.body();
    }

    /** The URL of a query: the method's path and its parameters, URL-encoded, a list's values repeating the key. */
    public URI url(Nsid method, Map<String, ?> params) {
        return url(base, method, params);
    }

    /** {@link #url(Nsid, Map)} for a service at {@code base}, for callers that send the request themselves. */
    public static URI url(URI base, Nsid method, Map<String, ?> params) {
        String query = params.entrySet().stream()
                .flatMap(e -> values(e.getValue()).stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return URI.create(stripSlash(base) + "/xrpc/" + method.value() + (query.isEmpty() ? "" : "?" + query));
    }

    private static List<String> values(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new ServiceUnreachable(request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachable(request.uri(), e);
        }
    }

    private static MapValue json(HttpResponse<byte[]> r) {
        checkStatus(r);
        if (r.body().length == 0) {
            return MapValue.EMPTY;
        }
        try {
            return DataJson.parseObject(r.body(), RESPONSE_LIMITS);
        } catch (InvalidDataException e) {
            throw new XrpcError(r.statusCode(), "InvalidResponse",
                    "the answer of " + r.uri() + " is not valid JSON: " + e.getMessage());
        }
    }

    private static void checkStatus(HttpResponse<byte[]> r) {
        if (r.statusCode() >= 200 && r.statusCode() < 300) {
            return;
        }
        String name = "HTTP" + r.statusCode();
        String message = new String(r.body(), StandardCharsets.UTF_8).strip();
        try {
            MapValue error = DataJson.parseObject(r.body(), DataLimits.RECORD);
            name = error.getString("error").orElse(name);
            message = error.getString("message").orElse("");
        } catch (RuntimeException notJson) {
            if (message.length() > 200) {
                message = message.substring(0, 200) + "…";
            }
        }
        throw new XrpcError(r.statusCode(), name, message);
    }

    private static URI stripSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
