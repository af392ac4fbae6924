package dev.skein.pds.identity;

import dev.skein.core.identity.DidDocument;
import dev.skein.core.identity.PlcOp;
import dev.skein.core.identity.PlcOperationException;
import dev.skein.core.syntax.Did;
import dev.skein.xrpc.XrpcException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PLC directory over HTTP ({@code POST /:did}, {@code GET /:did}, {@code GET /:did/log/last}). Blocking:
 * call from a thread that may block. A directory that cannot be reached or answers with an error is an
 * XRPC 502 {@code UpstreamFailure}; its answer is logged, not passed on.
 */
public final class PlcClient {
    private static final Logger log = LoggerFactory.getLogger(PlcClient.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** Largest answer read: a DID document or an operation is a few KB. */
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final URI base;
    private final HttpClient http;

    public PlcClient(URI plcUrl) {
        String s = plcUrl.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        // HTTP/1.1: the default first asks a plain-http server to upgrade to h2c, which Node services that also
        // serve WebSockets (the reference PLC and PDS) answer by closing the connection.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI url() {
        return base;
    }

    /** Submits a signed operation for {@code did}. */
    public void submit(Did did, PlcOp op) {
        HttpRequest request = HttpRequest.newBuilder(at(did, "")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(op.toJson(), StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() / 100 != 2) {
            log.warn("PLC directory {} refused an operation for {}: HTTP {} {}", base, did, response.statusCode(),
                    snippet(response.body()));
            throw upstream("The PLC directory refused the operation (HTTP " + response.statusCode() + ")");
        }
    }

    /** The DID document the directory serves, or empty when it has none (unknown or tombstoned DID). */
    public Optional<DidDocument> resolve(Did did) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(at(did, "")).timeout(REQUEST_TIMEOUT).GET().build());
        if (response.statusCode() == 404 || response.statusCode() == 410) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw upstream("The PLC directory answered HTTP " + response.statusCode() + " for " + did);
        }
        try {
            return Optional.of(DidDocument.parse(response.body()).requireId(did));
        } catch (IllegalArgumentException e) {
            log.warn("PLC directory {} served an unreadable document for {}: {}", base, did, e.getMessage());
            throw upstream("The PLC directory served an unreadable DID document for " + did);
        }
    }

    /** The DID's latest operation: the {@code prev} of the next one. */
    public PlcOp lastOperation(Did did) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(at(did, "/log/last"))
                .timeout(REQUEST_TIMEOUT).GET().build());
        if (response.statusCode() != 200) {
            throw upstream("The PLC directory answered HTTP " + response.statusCode() + " for the last operation of " + did);
        }
        try {
            return PlcOp.fromJson(response.body());
        } catch (PlcOperationException e) {
            throw upstream("The PLC directory served an unreadable operation for " + did);
        }
    }

    /** {@code <base>/<did><suffix>}: the DID is a path segment, not a relative URI (it would read as scheme {@code did:}). */
    private URI at(Did did, String suffix) {
        return URI.create(base + did.value() + suffix);
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.body().length > MAX_RESPONSE_BYTES) {
                throw upstream("The PLC directory's answer is too large");
            }
            return response;
        } catch (IOException e) {
            log.warn("PLC directory {} unreachable: {}", base, e.toString());
            throw upstream("The PLC directory could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw upstream("Interrupted while calling the PLC directory");
        }
    }

    private static String snippet(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static XrpcException upstream(String message) {
        return new XrpcException(502, "UpstreamFailure", message);
    }
}
