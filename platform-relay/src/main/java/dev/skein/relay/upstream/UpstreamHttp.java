package dev.skein.relay.upstream;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client the relay calls PDS hosts and DID directories with: HTTP/1.1, no redirects.
 *
 * <p>Not the JDK's default HTTP/2: on a plain {@code http://} URL that sends an {@code Upgrade: h2c} request, and
 * a Node.js server with a WebSocket endpoint, such as the reference TypeScript PDS serving subscribeRepos, hands
 * every upgrade request to its WebSocket server, which closes the connection without an answer. The relay would
 * then take a working host for one that does not answer. Over TLS, HTTP/2 would be negotiated without an upgrade,
 * but the relay's few requests per host (describeServer, getRepo, DID documents) gain nothing from it.
 */
public final class UpstreamHttp {
    private UpstreamHttp() {}

    /** A new client whose connections time out after {@code connectTimeout}. */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
