package dev.skein.relay.identity;

import dev.skein.core.crypto.PublicKey;
import dev.skein.core.identity.DidDocument;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.relay.host.Host;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A DID document as the relay uses it, with what it reads from it decoded once: the atproto signing key, the host
 * of the {@code #atproto_pds} endpoint, and the claimed handle (not verified: relays pass handles through only
 * when they match the document).
 *
 * @param signingKey the {@code #atproto} key, or {@code null} when the document has none that decodes
 * @param pds the PDS host, or {@code null} when the document names no valid PDS endpoint
 * @param handle the first {@code at://} alias that is a handle, or {@code null}
 * @param resolvedAt when the document was fetched
 */
public record ResolvedIdentity(Did did, DidDocument document, PublicKey signingKey, Host pds, Handle handle,
                               Instant resolvedAt) {
    public ResolvedIdentity {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }

    /** Reads the key, PDS host and handle out of {@code document}. */
    public static ResolvedIdentity of(DidDocument document, Instant resolvedAt) {
        Host pds = document.pdsEndpoint().map(uri -> {
            try {
                return Host.of(uri);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).orElse(null);
        return new ResolvedIdentity(document.did(), document, document.atprotoKey().orElse(null), pds,
                document.handle().orElse(null), resolvedAt);
    }

    public Optional<PublicKey> key() {
        return Optional.ofNullable(signingKey);
    }

    public Optional<Host> pdsHost() {
        return Optional.ofNullable(pds);
    }

    public Optional<Handle> claimedHandle() {
        return Optional.ofNullable(handle);
    }
}
