package dev.skein.core.identity;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a did:plc identity after its latest operation, as a PLC directory serves it at
 * {@code /:did/data}; everything needed to render its DID document.
 *
 * <p>Spec: <a href="https://web.plc.directory/spec/v0.1/did-plc">did:plc</a>, "How it works" and
 * "Presentation as DID Document".
 *
 * @param did the DID
 * @param rotationKeys keys that may sign the next operation, highest priority first ({@code did:key})
 * @param verificationMethods key ids (no {@code #}) to {@code did:key} values
 * @param alsoKnownAs alias URIs
 * @param services service ids (no {@code #}) to services
 */
public record PlcState(
        Did did,
        List<String> rotationKeys,
        Map<String, String> verificationMethods,
        List<String> alsoKnownAs,
        Map<String, PlcService> services) {

    /** The verification method id of the atproto signing key. */
    public static final String ATPROTO_KEY = "atproto";

    public PlcState {
        Objects.requireNonNull(did, "did");
        rotationKeys = List.copyOf(rotationKeys);
        verificationMethods = Collections.unmodifiableMap(new LinkedHashMap<>(verificationMethods));
        alsoKnownAs = List.copyOf(alsoKnownAs);
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /**
     * The DID document the reference directory renders for this state: a Multikey verification method
     * {@code did#id} per key (with the context of its curve), and a service {@code #id} per service.
     */
    public DidDocument toDidDocument() {
        List<String> context = new ArrayList<>(List.of(DidDocument.DID_CONTEXT, DidDocument.MULTIKEY_CONTEXT));
        List<VerificationMethod> methods = new ArrayList<>();
        verificationMethods.forEach((id, didKey) -> {
            PlcKeys.suiteContext(didKey).filter(c -> !context.contains(c)).ifPresent(context::add);
            methods.add(VerificationMethod.multikey(did, id, PlcKeys.multibase(didKey)));
        });
        List<DidService> docServices = new ArrayList<>();
        services.forEach((id, s) -> docServices.add(new DidService("#" + id, s.type(), s.endpoint())));
        return new DidDocument(did, context, alsoKnownAs, methods, docServices);
    }

    /** The state as JSON, in the shape of the directory's {@code /:did/data}. */
    public String toJson() {
        MapValue.Builder services = MapValue.builder();
        this.services.forEach((id, s) -> services.put(id, s.toValue()));
        return DataJson.writeString(MapValue.builder()
                .put("did", did.value())
                .put("rotationKeys", PlcFields.stringArray(rotationKeys))
                .put("verificationMethods", PlcFields.stringMapValue(verificationMethods))
                .put("alsoKnownAs", PlcFields.stringArray(alsoKnownAs))
                .put("services", services.build())
                .build());
    }
}
