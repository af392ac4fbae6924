package dev.skein.relay.web;

import dev.skein.xrpc.AdminCredential;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The relay operator's credential: HTTP Basic with user {@code admin} and the admin password, as atproto
 * services take admin requests, checked against its hash ({@link AdminCredential}, the same the PDS takes).
 * Without a credential every admin request is refused.
 */
public final class AdminAuth {
    private final AdminCredential credential;

    /** @param credential the admin credential, or {@code null} to refuse all admin requests */
    public AdminAuth(AdminCredential credential) {
        this.credential = credential;
    }

    public boolean allows(ServerHttpRequest request) {
        return credential != null && credential.allowsHeader(request.getHeaders().getFirst("Authorization"));
    }
}
