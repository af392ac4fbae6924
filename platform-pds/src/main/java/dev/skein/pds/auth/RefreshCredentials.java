package dev.skein.pds.auth;

import dev.skein.core.syntax.Did;
import dev.skein.xrpc.Credentials;
import java.util.Objects;

/**
 * A refresh token with a valid signature (unexpired, unless the method allowed expired ones).
 *
 * @param did the account
 * @param tokenId the token's {@code jti}: the key of its {@code refresh_token} row
 */
public record RefreshCredentials(Did did, String tokenId) implements Credentials {
    public RefreshCredentials {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(tokenId, "tokenId");
    }
}
