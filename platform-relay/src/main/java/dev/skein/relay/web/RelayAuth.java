package dev.skein.relay.web;

import dev.skein.core.syntax.Nsid;
import dev.skein.xrpc.AdminCredential;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.Credentials;
import dev.skein.xrpc.XrpcAuth;
import dev.skein.xrpc.XrpcException;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * The relay's credential check for the XRPC dispatcher. The relay has no accounts: its only credential is the
 * operator's, HTTP Basic with user {@code admin} and the admin password, checked against its hash
 * ({@link AdminCredential}, the same the PDS takes). An admin method called without it, or with a wrong one, is
 * 401 {@code AuthRequired}; a method that takes the credential optionally ({@code requestCrawl}) is anonymous
 * without an {@code Authorization: Basic} header and 401 with a wrong one. Without a credential configured every
 * admin call is refused.
 */
public final class RelayAuth implements XrpcAuth {
    private final AdminCredential credential;

    /** The operator, as a call that presented the admin credential. */
    public enum Admin implements Credentials {
        INSTANCE
    }

    /** @param credential the admin credential, or {@code null} to refuse all admin calls */
    public RelayAuth(AdminCredential credential) {
        this.credential = credential;
    }

    @Override
    public Mono<Credentials> authenticate(Nsid method, AuthRequirement requirement, HttpHeaders headers) {
        String header = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return switch (requirement) {
            case NONE -> Mono.just(Credentials.ANONYMOUS);
            case OPTIONAL_ADMIN -> header != null && AdminCredential.isBasic(header) ? admin(header) : Mono.just(Credentials.ANONYMOUS);
            case ADMIN -> header == null ? Mono.error(RelayAuth::required) : admin(header);
            default -> Mono.error(() -> XrpcException.internal(new IllegalStateException(
                    method + " requires " + requirement + " credentials, which a relay does not have")));
        };
    }

    /** Whether the call presented the operator's credential (only methods that ask for it are told). */
    public static boolean isAdmin(Credentials credentials) {
        return credentials == Admin.INSTANCE;
    }

    /** The password hash is slow on purpose: {@link AdminCredential#check} runs it off the event loop. */
    private Mono<Credentials> admin(String header) {
        return credential == null ? Mono.error(RelayAuth::required) : credential.check(header, Admin.INSTANCE, RelayAuth::required);
    }

    private static XrpcException required() {
        return XrpcException.unauthorized("AuthRequired", "Authentication Required", "Basic");
    }
}
