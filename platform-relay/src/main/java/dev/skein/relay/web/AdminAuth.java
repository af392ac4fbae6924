package dev.skein.relay.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The relay operator's credential: HTTP Basic with user {@code admin} and the configured password, as atproto
 * services take admin requests. Without a configured password every admin request is refused.
 */
public final class AdminAuth {
    private final byte[] expected;

    /** @param password the admin password, or {@code null} to refuse all admin requests */
    public AdminAuth(String password) {
        this.expected = password == null || password.isEmpty() ? null
                : ("Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
                        .getBytes(StandardCharsets.UTF_8);
    }

    public boolean allows(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst("Authorization");
        return expected != null && header != null
                && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
    }
}
