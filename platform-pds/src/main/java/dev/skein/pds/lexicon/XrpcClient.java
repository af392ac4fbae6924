package dev.skein.pds.lexicon;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A small blocking XRPC client over {@link HttpClient}: queries and JSON procedures, answers read as data-model
 * JSON, error answers turned into {@link XrpcCallException}. Enough for the publisher, which talks to the PDS
 * the way any client does rather than reaching into its storage.
 */
final class XrpcClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    XrpcClient(URI base) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI base() {
        return base;
    }

    /** {@code GET /xrpc/<method>?<params>}. */
    MapValue query(Nsid method, Map<String, String> params, Optional<String> authorization) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/xrpc/" + method
                + (query.isEmpty() ? "" : "?" + query))).timeout(TIMEOUT).GET();
        authorization.ifPresent(a -> request.header("Authorization", a));
        return send(method, request.build());
    }

    /** {@code POST /xrpc/<method>} with a JSON body. */
    MapValue procedure(Nsid method, MapValue body, Optional<String> authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/xrpc/" + method)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(DataJson.write(body)));
        authorization.ifPresent(a -> request.header("Authorization", a));
        return send(method, request.build());
    }

    private MapValue send(Nsid method, HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new XrpcCallException(method, 0, "Unreachable", base + " can not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XrpcCallException(method, 0, "Interrupted", "interrupted while calling " + base);
        }
        MapValue body = parse(response.body());
        if (response.statusCode() != 200) {
            throw new XrpcCallException(method, response.statusCode(),
                    body.getString("error").orElse("HTTP " + response.statusCode()),
                    body.getString("message").orElse(""));
        }
        return body;
    }

    private static MapValue parse(byte[] body) {
        if (body.length == 0) {
            return MapValue.EMPTY;
        }
        try {
            DataValue v = DataJson.parse(body);
            return v instanceof MapValue m ? m : MapValue.EMPTY;
        } catch (RuntimeException e) {
            return MapValue.EMPTY;
        }
    }

    /** An XRPC call answered with an error, or not answered at all (status 0). */
    static final class XrpcCallException extends RuntimeException {
        private final int status;
        private final String error;

        XrpcCallException(Nsid method, int status, String error, String message) {
            super(method + ": " + (status == 0 ? "" : status + " ") + error + (message.isEmpty() ? "" : ": " + message));
            this.status = status;
            this.error = error;
        }

        int status() {
            return status;
        }

        String error() {
            return error;
        }
    }
}
