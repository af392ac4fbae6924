package dev.skein.relay.identity;

import dev.skein.core.identity.DidDocument;
import dev.skein.core.syntax.Did;

/** Fetches the current DID document of a DID. Implementations do not cache; {@link IdentityCache} does. */
@FunctionalInterface
public interface DidResolver {
    /**
     * The document that {@code did} currently resolves to, whose {@code id} is {@code did}.
     *
     * @throws IdentityResolutionException when it does not resolve
     */
    DidDocument resolve(Did did);
}
