package dev.skein.pds.identity;

import dev.skein.core.syntax.Handle;
import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.xrpc.XrpcException;
import java.util.List;
import java.util.Optional;

/**
 * Which handles accounts here may take. A handle under one of the PDS's domains ({@code alice.test}) must
 * add a single label of 3 to 18 characters, as in the reference PDS; a handle elsewhere must resolve to
 * the account's DID (checked by the caller), except when the administrator sets it.
 *
 * <p>Errors are the ones {@code createAccount} declares: {@code InvalidHandle}, {@code UnsupportedDomain}.
 */
public final class HandleRules {
    /** Shortest first label under a service domain (reference PDS). */
    public static final int MIN_LABEL = 3;
    /** Longest first label under a service domain (reference PDS). */
    public static final int MAX_LABEL = 18;

    private final List<String> domains;

    public HandleRules(List<String> domains) {
        this.domains = List.copyOf(domains);
    }

    public List<String> domains() {
        return domains;
    }

    /** The handle, lowercase; 400 {@code InvalidHandle} when it is not one or its TLD is reserved. */
    public Handle parse(String raw) {
        Handle h;
        try {
            h = Handle.parse(raw).normalized();
        } catch (InvalidSyntaxException e) {
            throw XrpcException.badRequest("InvalidHandle", "Handle is not valid: " + e.reason());
        }
        if (h.hasDisallowedTld() || h.isInvalidMarker()) {
            throw XrpcException.badRequest("InvalidHandle", "Handle uses a reserved top-level domain: " + h);
        }
        return h;
    }

    /** The service domain {@code handle} is under, if any. */
    public Optional<String> serviceDomain(Handle handle) {
        String h = handle.normalized().value();
        return domains.stream().filter(d -> h.endsWith(d) && h.length() > d.length()).findFirst();
    }

    /**
     * Checks a new handle: under a service domain, its first label's length; elsewhere, 400
     * {@code UnsupportedDomain} unless {@code anyDomain}.
     */
    public Handle checkNew(Handle handle, boolean anyDomain) {
        Optional<String> domain = serviceDomain(handle);
        if (domain.isEmpty()) {
            if (anyDomain) {
                return handle;
            }
            throw XrpcException.badRequest("UnsupportedDomain", "Not a supported handle domain: " + handle
                    + " (this PDS serves " + String.join(", ", domains) + ")");
        }
        String front = handle.value().substring(0, handle.value().length() - domain.get().length());
        if (front.contains(".")) {
            throw XrpcException.badRequest("InvalidHandle", "Invalid characters in handle: only one label may precede " + domain.get());
        }
        if (front.length() < MIN_LABEL) {
            throw XrpcException.badRequest("InvalidHandle", "Handle too short: at least " + MIN_LABEL + " characters before " + domain.get());
        }
        if (front.length() > MAX_LABEL) {
            throw XrpcException.badRequest("InvalidHandle", "Handle too long: at most " + MAX_LABEL + " characters before " + domain.get());
        }
        return handle;
    }
}
