package dev.skein.relay.upstream;

import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import dev.skein.relay.ingest.RepoFetchException;
import dev.skein.relay.ingest.RepoFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/** Fetches {@code com.atproto.sync.getRepo} from a PDS over HTTP, up to a size limit. */
public final class HttpRepoFetcher implements RepoFetcher {
    private final HttpClient http;
    private final Function<Host, URI> baseUrl;
    private final long maxBytes;
    private final Duration timeout;

    public HttpRepoFetcher(HttpClient http, Function<Host, URI> baseUrl, long maxBytes, Duration timeout) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    @Override
    public byte[] getRepo(Host host, Did did) {
        URI url = baseUrl.apply(host).resolve("/xrpc/com.atproto.sync.getRepo?did=" + URLEncoder.encode(did.value(), StandardCharsets.UTF_8));
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/vnd.ipld.car").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new RepoFetchException("fetching " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepoFetchException("interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new RepoFetchException(response.statusCode(), url + " answered " + response.statusCode());
            }
            byte[] car = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (car.length > maxBytes) {
                throw new RepoFetchException(response.statusCode(), "the repository of " + did + " is over " + maxBytes + " bytes");
            }
            return car;
        } catch (IOException e) {
            throw new RepoFetchException("reading " + url + " failed: " + e.getMessage(), e);
        }
    }
}
