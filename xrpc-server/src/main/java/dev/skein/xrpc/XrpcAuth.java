package dev.skein.xrpc;

import dev.skein.core.syntax.Nsid;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * Checks the credentials of a call against what its method requires; the service plugs its own in.
 * Failures are {@link XrpcException}s with the names clients act on ({@code AuthMissing},
 * {@code ExpiredToken}, {@code InvalidToken}, ...).
 */
@FunctionalInterface
public interface XrpcAuth {

    /** Allows only methods that need no credentials: for services without accounts. */
    XrpcAuth ANONYMOUS_ONLY = (method, requirement, headers) -> switch (requirement) {
        case NONE, OPTIONAL_ADMIN -> Mono.just(Credentials.ANONYMOUS);
        default -> Mono.error(XrpcException.unauthorized("AuthMissing",
                "Authentication is not supported by this service", "Bearer"));
    };

    /**
     * The credentials of a call to {@code method}, which requires {@code requirement}; for
     * {@link AuthRequirement#NONE} implementations should answer {@link Credentials#ANONYMOUS}.
     */
    Mono<Credentials> authenticate(Nsid method, AuthRequirement requirement, HttpHeaders headers);
}
