package dev.skein.core.identity;

import dev.skein.core.crypto.CryptoKeyException;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.Multikey;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.core.syntax.InvalidSyntaxException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DID document, reduced to what atproto reads from it: the DID, its aliases (the handle), its
 * verification methods (the signing key) and its services (the PDS). Parsing is the same for every DID
 * method; entry ids may be relative ({@code #atproto}) or absolute ({@code did…#atproto}).
 *
 * <p>Spec: <a href="https://atproto.com/specs/did#did-documents">DID: DID documents</a>.
 *
 * @param id the DID the document describes
 * @param context the {@code @context} URLs
 * @param alsoKnownAs alias URIs, in priority order
 * @param verificationMethods the {@code verificationMethod} entries
 * @param services the {@code service} entries
 */
public record DidDocument(
        Did id,
        List<String> context,
        List<String> alsoKnownAs,
        List<VerificationMethod> verificationMethods,
        List<DidService> services) {

    /** The first {@code @context} of every document. */
    public static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
    /** The context that defines the {@code Multikey} verification method type. */
    public static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";
    private static final String AT_PREFIX = "at://";

    public DidDocument {
        Objects.requireNonNull(id, "id");
        context = List.copyOf(context);
        alsoKnownAs = List.copyOf(alsoKnownAs);
        verificationMethods = List.copyOf(verificationMethods);
        services = List.copyOf(services);
    }

    /** Parses a document from JSON, keeping the members atproto reads. */
    public static DidDocument parse(byte[] json) {
        return DidDocumentJson.read(json);
    }

    public static DidDocument parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The DID this document describes. */
    public Did did() {
        return id;
    }

    /**
     * This document, if it describes {@code expected}; a resolver must check this, since whoever serves a
     * document can put any id in it.
     */
    public DidDocument requireId(Did expected) {
        if (!id.equals(expected)) {
            throw new InvalidDidDocumentException("id", "document is for " + id + ", not " + expected);
        }
        return this;
    }

    /**
     * The handle the DID claims: the first {@code at://} alias that is a valid handle, lowercased. It still has to be
     * confirmed by resolving the handle back to this DID.
     */
    public Optional<Handle> handle() {
        for (String aka : alsoKnownAs) {
            if (aka.startsWith(AT_PREFIX)) {
                try {
                    return Optional.of(Handle.parse(aka.substring(AT_PREFIX.length())).normalized());
                } catch (InvalidSyntaxException e) {
                    // the spec takes the first syntactically valid handle, so keep looking
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The atproto signing key entry: the first verification method with id {@code #atproto}, the DID as
     * controller and a type that atproto reads ({@code Multikey}, or a legacy curve-specific type).
     */
    public Optional<VerificationMethod> atprotoVerificationMethod() {
        for (VerificationMethod m : verificationMethods) {
            if (m.hasId(id, VerificationMethod.ATPROTO_FRAGMENT) && m.controller().equals(id.value())
                    && (m.type().equals(VerificationMethod.MULTIKEY)
                            || Curve.fromLegacyVerificationMethodType(m.type()).isPresent())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The atproto signing key, decoded from the {@linkplain #atprotoVerificationMethod() atproto entry}:
     * a Multikey value, or for the legacy types a bare (possibly uncompressed) point of the type's curve.
     * Empty if there is no such entry or its key does not decode.
     */
    public Optional<PublicKey> atprotoKey() {
        return atprotoVerificationMethod().flatMap(m -> m.publicKeyMultibase().flatMap(multibase -> {
            try {
                Optional<Curve> legacy = Curve.fromLegacyVerificationMethodType(m.type());
                return Optional.of(legacy.isPresent()
                        ? Multikey.parseLegacy(legacy.get(), multibase)
                        : Multikey.parse(multibase));
            } catch (CryptoKeyException e) {
                return Optional.empty();
            }
        }));
    }

    /**
     * The PDS URL: the {@code serviceEndpoint} of the first service with id {@code #atproto_pds} and type
     * {@code AtprotoPersonalDataServer}, if it is an http(s) URL of a host (with an optional port, and no
     * user info, path, query or fragment).
     */
    public Optional<URI> pdsEndpoint() {
        for (DidService s : services) {
            if (s.hasId(id, DidService.ATPROTO_PDS_FRAGMENT) && s.type().equals(DidService.PDS_TYPE)) {
                return serverUrl(s.serviceEndpoint());
            }
        }
        return Optional.empty();
    }

    /** The document as JSON, with the members in the order the reference PLC directory writes them. */
    public byte[] toJson() {
        return DidDocumentJson.write(this);
    }

    public String toJsonString() {
        return new String(toJson(), StandardCharsets.UTF_8);
    }

    private static Optional<URI> serverUrl(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
        String path = uri.getRawPath();
        if (!http || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !(path == null || path.isEmpty() || path.equals("/"))) {
            return Optional.empty();
        }
        return Optional.of(uri);
    }
}
