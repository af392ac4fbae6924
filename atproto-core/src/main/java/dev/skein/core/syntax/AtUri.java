package dev.skein.core.syntax;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Lexicon {@code at-uri} format: {@code at://AUTHORITY[/COLLECTION[/RKEY]]}, where the authority is a
 * {@link Did} or {@link Handle}, the collection an {@link Nsid} and the record key a {@link RecordKey}.
 *
 * <p>This is the restricted form the spec prescribes for Lexicon data: no query, no fragment, no trailing or
 * doubled slash, no further path segments, no percent-encoding (none of the parts allows {@code %}). The general
 * AT URI syntax (queries, JSON-pointer fragments) is not needed by the protocol today and is not accepted.
 * Parts are kept as written, so {@link #toString()} returns the parsed string; the spec asks writers for the
 * normalised form (lowercase handle and NSID authority).
 *
 * <p>Spec: https://atproto.com/specs/at-uri-scheme
 */
public record AtUri(AtIdentifier authority, Optional<Nsid> collection, Optional<RecordKey> rkey) {
    /** The 8 KB overall limit of the AT URI syntax. */
    public static final int MAX_LENGTH = 8192;

    static final String SCHEME_PREFIX = "at://";

    public AtUri {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(rkey, "rkey");
        if (rkey.isPresent() && collection.isEmpty()) {
            throw new InvalidSyntaxException("AT-URI", SCHEME_PREFIX + authority + "//" + rkey.get(),
                    "a record key needs a collection");
        }
    }

    /** The URI of a record. */
    public static AtUri of(Did repo, Nsid collection, RecordKey rkey) {
        return new AtUri(repo, Optional.of(collection), Optional.of(rkey));
    }

    /** The URI of a collection. */
    public static AtUri of(AtIdentifier authority, Nsid collection) {
        return new AtUri(authority, Optional.of(collection), Optional.empty());
    }

    /** The URI of a whole repository. */
    public static AtUri of(AtIdentifier authority) {
        return new AtUri(authority, Optional.empty(), Optional.empty());
    }

    public static AtUri parse(String value) {
        if (value == null) {
            throw invalid(null, "null");
        }
        if (value.length() > MAX_LENGTH) {
            throw invalid(value, "longer than " + MAX_LENGTH + " characters");
        }
        if (!value.startsWith(SCHEME_PREFIX)) {
            throw invalid(value, "must start with \"at://\"");
        }
        int authorityEnd = value.indexOf('/', SCHEME_PREFIX.length());
        if (authorityEnd < 0) {
            return of(identifier(value, value.substring(SCHEME_PREFIX.length())));
        }
        AtIdentifier authority = identifier(value, value.substring(SCHEME_PREFIX.length(), authorityEnd));
        int collectionEnd = value.indexOf('/', authorityEnd + 1);
        String collection = value.substring(authorityEnd + 1, collectionEnd < 0 ? value.length() : collectionEnd);
        if (collection.isEmpty()) {
            throw invalid(value, collectionEnd < 0 ? "trailing slash" : "empty path segment");
        }
        Nsid nsid = part(value, () -> Nsid.parse(collection));
        if (collectionEnd < 0) {
            return of(authority, nsid);
        }
        String rkey = value.substring(collectionEnd + 1);
        if (rkey.isEmpty()) {
            throw invalid(value, "trailing slash");
        }
        if (rkey.indexOf('/') >= 0) {
            throw invalid(value, "more than two path segments");
        }
        return new AtUri(authority, Optional.of(nsid), Optional.of(part(value, () -> RecordKey.parse(rkey))));
    }

    /** The authority when it is a DID, the form records should use to point at other records. */
    public Optional<Did> did() {
        return authority instanceof Did did ? Optional.of(did) : Optional.empty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(SCHEME_PREFIX).append(authority);
        collection.ifPresent(c -> sb.append('/').append(c));
        rkey.ifPresent(k -> sb.append('/').append(k));
        return sb.toString();
    }

    private static AtIdentifier identifier(String uri, String authority) {
        if (authority.isEmpty()) {
            throw invalid(uri, "empty authority");
        }
        return part(uri, () -> AtIdentifier.parse(authority));
    }

    private static <T> T part(String uri, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidSyntaxException e) {
            throw new InvalidSyntaxException("AT-URI", uri, e.kind() + ": " + e.reason(), e);
        }
    }

    private static InvalidSyntaxException invalid(String value, String reason) {
        return new InvalidSyntaxException("AT-URI", value, reason);
    }
}
