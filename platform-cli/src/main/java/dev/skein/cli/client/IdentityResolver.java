package dev.skein.cli.client;

import dev.skein.core.crypto.PublicKey;
import dev.skein.core.identity.DidDocument;
import dev.skein.core.identity.InvalidDidDocumentException;
import dev.skein.core.syntax.Did;
import dev.skein.xrpc.client.XrpcClient;
import dev.skein.xrpc.client.XrpcError;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resolves a DID to its document and atproto signing key: {@code did:plc} from the PLC directory
 * ({@code GET <plc>/<did>}), {@code did:web} from {@code /.well-known/did.json} of its host (plain http only for
 * {@code localhost}). Documents are cached until {@link #forget} (an {@code #identity} event, or a signature
 * that no longer verifies, means the key may have rotated).
 */
public final class IdentityResolver {
    private final Function<Did, DidDocument> source;
    private final Map<Did, DidDocument> cache = new ConcurrentHashMap<>();

    /** A resolver over any source of documents (one that must check the document's id itself). */
    public IdentityResolver(Function<Did, DidDocument> source) {
        this.source = source;
    }

    /** Resolves {@code did:plc} at the PLC directory {@code plc} answers for, {@code did:web} at the DID's host. */
    public static IdentityResolver overHttp(XrpcClient plc) {
        return new IdentityResolver(did -> resolve(plc, did));
    }

    /** The DID document, from the cache or resolved now. */
    public DidDocument document(Did did) {
        return cache.computeIfAbsent(did, source);
    }

    /** The account's current signing key. */
    public PublicKey signingKey(Did did) {
        return document(did).atprotoKey().orElseThrow(() -> new IdentityException(did + " has no atproto signing key"));
    }

    /** The PDS the account's document names. */
    public Optional<URI> pds(Did did) {
        return document(did).pdsEndpoint();
    }

    /** Drops the cached document, so that the next use resolves it again. */
    public void forget(Did did) {
        cache.remove(did);
    }

    private static DidDocument resolve(XrpcClient plc, Did did) {
        byte[] json = switch (did.method()) {
            case "plc" -> fetch(plc, "/" + did.value(), did);
            case "web" -> fetch(new XrpcClient(webBase(did), plc.http()), "/.well-known/did.json", did);
            default -> throw new IdentityException("unsupported DID method: " + did);
        };
        try {
            return DidDocument.parse(json).requireId(did);
        } catch (InvalidDidDocumentException e) {
            throw new IdentityException("the DID document of " + did + " is invalid: " + e.getMessage());
        }
    }

    private static byte[] fetch(XrpcClient client, String path, Did did) {
        try {
            return client.get(path);
        } catch (XrpcError e) {
            throw new IdentityException("cannot resolve " + did + " at " + client.base() + ": " + e.name() + " "
                    + e.getMessage());
        }
    }

    static URI webBase(Did did) {
        String host = URLDecoder.decode(did.identifier(), StandardCharsets.UTF_8);
        if (host.contains(":") && !host.matches("[^:]+:\\d+")) {
            throw new IdentityException("did:web with a path is not supported by atproto: " + did);
        }
        String name = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return URI.create((name.equals("localhost") ? "http" : "https") + "://" + host);
    }

    /** A DID could not be resolved to a usable document. */
    public static final class IdentityException extends RuntimeException {
        public IdentityException(String message) {
            super(message);
        }
    }
}
