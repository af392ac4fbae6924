package dev.skein.relay.identity;

import dev.skein.core.identity.DidDocument;
import dev.skein.core.identity.InvalidDidDocumentException;
import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Resolves {@code did:plc} from a PLC directory ({@code GET <plc>/<did>}) and {@code did:web} from
 * {@code https://<host>/.well-known/did.json} (plain http only for {@code localhost}, as the did:web spec's
 * development exception allows).
 */
public final class HttpDidResolver implements DidResolver {
    /** Largest DID document accepted. Real documents are a few hundred bytes. */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    private final HttpClient http;
    private final URI plcUrl;
    private final Duration timeout;

    public HttpDidResolver(HttpClient http, URI plcUrl, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.plcUrl = Objects.requireNonNull(plcUrl, "plcUrl");
        this.timeout = timeout;
    }

    @Override
    public DidDocument resolve(Did did) {
        URI url = switch (did.method()) {
            case "plc" -> URI.create(trimSlash(plcUrl.toString()) + "/" + did.value());
            case "web" -> webUrl(did);
            default -> throw new IdentityResolutionException(did, IdentityResolutionException.Reason.UNSUPPORTED_METHOD,
                    "did:" + did.method() + " is not supported");
        };
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Accept", "application/did+ld+json, application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IdentityResolutionException(did, IdentityResolutionException.Reason.UNREACHABLE,
                    "fetching " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityResolutionException(did, IdentityResolutionException.Reason.UNREACHABLE, "interrupted", e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 404) {
                throw new IdentityResolutionException(did, IdentityResolutionException.Reason.NOT_FOUND, url + " answered 404");
            }
            if (status == 410) {
                throw new IdentityResolutionException(did, IdentityResolutionException.Reason.TOMBSTONED, url + " answered 410");
            }
            if (status != 200) {
                throw new IdentityResolutionException(did, status >= 500
                        ? IdentityResolutionException.Reason.UNREACHABLE : IdentityResolutionException.Reason.NOT_FOUND,
                        url + " answered " + status);
            }
            byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw new IdentityResolutionException(did, IdentityResolutionException.Reason.INVALID_DOCUMENT,
                        "document is over " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return DidDocument.parse(bytes).requireId(did);
        } catch (InvalidDidDocumentException e) {
            throw new IdentityResolutionException(did, IdentityResolutionException.Reason.INVALID_DOCUMENT, e.getMessage(), e);
        } catch (IOException e) {
            throw new IdentityResolutionException(did, IdentityResolutionException.Reason.UNREACHABLE,
                    "reading " + url + " failed: " + e.getMessage(), e);
        }
    }

    private static URI webUrl(Did did) {
        String id = did.identifier();
        if (id.contains(":")) {
            throw new IdentityResolutionException(did, IdentityResolutionException.Reason.UNSUPPORTED_METHOD,
                    "did:web with a path is not supported by atproto");
        }
        Host host;
        try {
            host = Host.parse(URLDecoder.decode(id, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IdentityResolutionException(did, IdentityResolutionException.Reason.INVALID_DOCUMENT,
                    "not a hostname: " + id, e);
        }
        String scheme = host.name().equals("localhost") ? "http" : "https";
        return URI.create(scheme + "://" + host.value() + "/.well-known/did.json");
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
