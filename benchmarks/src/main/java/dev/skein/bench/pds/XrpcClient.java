package dev.skein.bench.pds;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.MapValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/** Plain XRPC calls over HTTP/1.1 with the JDK's client: JSON in, JSON or bytes out, errors as exceptions. */
final class XrpcClient {
    static final DataLimits RESPONSE_LIMITS = new DataLimits(64L << 20, 128, 1 << 20, 8192);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    XrpcClient(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    MapValue procedure(String nsid, MapValue input, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/xrpc/" + nsid)).timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(DataJson.write(input)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return DataJson.parseObject(send(b.build()), RESPONSE_LIMITS);
    }

    MapValue query(String nsid, Map<String, String> params) throws IOException, InterruptedException {
        return DataJson.parseObject(queryBytes(nsid, params), RESPONSE_LIMITS);
    }

    byte[] queryBytes(String nsid, Map<String, String> params) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(nsid, params)).timeout(Duration.ofMinutes(3)).GET().build());
    }

    URI uri(String nsid, Map<String, String> params) {
        StringJoiner q = new StringJoiner("&");
        params.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return base.resolve("/xrpc/" + nsid + (params.isEmpty() ? "" : "?" + q));
    }

    private byte[] send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException(request.uri().getPath() + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }
}
