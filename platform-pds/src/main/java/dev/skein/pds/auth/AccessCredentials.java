package dev.skein.pds.auth;

import dev.skein.core.syntax.Did;
import dev.skein.xrpc.Credentials;
import java.util.Objects;

/**
 * A valid access token of an account that is not taken down or deleted.
 *
 * @param did the account
 * @param scope what the session may do
 */
public record AccessCredentials(Did did, AuthScope scope) implements Credentials {
    public AccessCredentials {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(scope, "scope");
    }
}
