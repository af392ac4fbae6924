package dev.skein.core.identity;

import dev.skein.core.syntax.Did;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code verificationMethod} entry of a DID document. atproto's signing key is the entry with id
 * {@code #atproto} (relative, or absolute {@code did…#atproto}), type {@code Multikey} and the DID as
 * controller; its {@code publicKeyMultibase} is the key in Multikey form.
 *
 * <p>Spec: <a href="https://atproto.com/specs/did#representation-of-public-keys">DID: representation of public keys</a>.
 *
 * @param id the entry id, relative ({@code #atproto}) or absolute
 * @param type {@code Multikey}, or a legacy type such as {@code EcdsaSecp256k1VerificationKey2019}
 * @param controller the controlling DID
 * @param publicKeyMultibase the key, when given in multibase form (other forms, such as JWK, are not kept)
 */
public record VerificationMethod(String id, String type, String controller, Optional<String> publicKeyMultibase) {
    /** The current verification method type: the key is a Multikey value. */
    public static final String MULTIKEY = "Multikey";
    /** The fragment of the atproto signing key. */
    public static final String ATPROTO_FRAGMENT = "atproto";

    public VerificationMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(publicKeyMultibase, "publicKeyMultibase");
    }

    /** A Multikey entry with the absolute id {@code did#fragment}, controlled by {@code did}. */
    public static VerificationMethod multikey(Did did, String fragment, String publicKeyMultibase) {
        return new VerificationMethod(did + "#" + fragment, MULTIKEY, did.value(), Optional.of(publicKeyMultibase));
    }

    /** Whether the id names {@code fragment} of {@code did}, in relative or absolute form. */
    public boolean hasId(Did did, String fragment) {
        return DidService.idMatches(id, did.value(), fragment);
    }
}
