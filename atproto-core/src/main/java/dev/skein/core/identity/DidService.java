package dev.skein.core.identity;

import dev.skein.core.syntax.Did;
import java.util.Objects;

/**
 * A {@code service} entry of a DID document. An account's PDS is the entry with id {@code #atproto_pds}
 * (relative, or absolute {@code did…#atproto_pds}) and type {@code AtprotoPersonalDataServer}.
 *
 * <p>Spec: <a href="https://atproto.com/specs/did#did-documents">DID: DID documents</a>.
 *
 * @param id the entry id, relative ({@code #atproto_pds}) or absolute
 * @param type the service type
 * @param serviceEndpoint the endpoint URL (atproto reads only string endpoints)
 */
public record DidService(String id, String type, String serviceEndpoint) {
    /** The fragment of an account's PDS entry. */
    public static final String ATPROTO_PDS_FRAGMENT = "atproto_pds";
    /** The type of an account's PDS entry. */
    public static final String PDS_TYPE = "AtprotoPersonalDataServer";

    public DidService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
    }

    /** Whether the id names {@code fragment} of {@code did}, in relative or absolute form. */
    public boolean hasId(Did did, String fragment) {
        return idMatches(id, did.value(), fragment);
    }

    static boolean idMatches(String id, String did, String fragment) {
        int hash = id.length() - fragment.length() - 1;
        if (hash < 0 || id.charAt(hash) != '#' || !id.endsWith(fragment)) {
            return false;
        }
        return hash == 0 || (hash == did.length() && id.startsWith(did));
    }
}
