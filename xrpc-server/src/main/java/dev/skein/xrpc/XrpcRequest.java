package dev.skein.xrpc;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * One XRPC call as its handler sees it, after the dispatcher checked it.
 *
 * @param nsid the method
 * @param params the URL parameters
 * @param input the body
 * @param headers the HTTP request headers
 * @param remoteAddress the client's address, when known
 * @param credentials who called, as the service's {@link XrpcAuth} established it
 */
public record XrpcRequest(Nsid nsid, XrpcParams params, XrpcInput input, HttpHeaders headers,
                          Optional<InetSocketAddress> remoteAddress, Credentials credentials) {
    public XrpcRequest {
        Objects.requireNonNull(nsid, "nsid");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** The JSON body; 400 {@code InvalidRequest} when the call has none. */
    public MapValue body() {
        if (input instanceof XrpcInput.Json json) {
            return json.body();
        }
        throw XrpcException.invalidRequest("A JSON request body is required");
    }

    /** The raw body; 400 {@code InvalidRequest} when the call has none. */
    public XrpcInput.Binary binary() {
        if (input instanceof XrpcInput.Binary b) {
            return b;
        }
        throw XrpcException.invalidRequest("A request body is required");
    }

    /**
     * The credentials as the kind the method's {@link AuthRequirement} guarantees. A mismatch is the
     * service's bug (its auth returned another kind), so it is a 500, not a client error.
     */
    public <T extends Credentials> T credentials(Class<T> type) {
        if (!type.isInstance(credentials)) {
            throw XrpcException.internal(new IllegalStateException(
                    nsid + " expected " + type.getSimpleName() + " credentials, got " + credentials));
        }
        return type.cast(credentials);
    }
}
