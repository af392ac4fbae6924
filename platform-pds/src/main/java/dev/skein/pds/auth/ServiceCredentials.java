package dev.skein.pds.auth;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.xrpc.Credentials;
import java.util.Objects;

/**
 * A verified inter-service JWT.
 *
 * @param issuer the account (or service) that signed it
 * @param method the method it was minted for ({@code lxm})
 */
public record ServiceCredentials(Did issuer, Nsid method) implements Credentials {
    public ServiceCredentials {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(method, "method");
    }
}
