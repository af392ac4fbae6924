package dev.skein.xrpc;

import dev.skein.core.syntax.Nsid;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * A consumer's request to open a subscription.
 *
 * @param nsid the subscription
 * @param params its URL parameters ({@code cursor}, ...)
 * @param headers the HTTP request headers of the upgrade
 * @param remoteAddress the consumer's address, when known
 */
public record SubscriptionRequest(Nsid nsid, XrpcParams params, HttpHeaders headers,
                                  Optional<InetSocketAddress> remoteAddress) {
    public SubscriptionRequest {
        Objects.requireNonNull(nsid, "nsid");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
