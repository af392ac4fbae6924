package dev.skein.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.crypto.Multikey;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class DidDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Did ALICE = Did.parse("did:plc:7iza6de2dwap2sbkpav7c6c6");
    /** The K-256 key of the spec's example (atproto.com/specs/did, "Legacy Representation"), in both encodings. */
    private static final String K256_MULTIKEY = "zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF";
    private static final String K256_LEGACY =
            "zQYEBzXeuTM9UR3rfvNag6L3RNAs5pQZyYPsomTsgQhsxLdEgCrPTLgFna8yqCnxPpNT7DBk6Ym3dgPKNu86vt9GR";

    private static String doc(String methods, String services) {
        return """
                {"@context":["https://www.w3.org/ns/did/v1"],"id":"did:plc:7iza6de2dwap2sbkpav7c6c6",
                 "alsoKnownAs":["at://alice.test"],"verificationMethod":[%s],"service":[%s]}""".formatted(methods, services);
    }

    private static String method(String id, String type, String controller, String key) {
        return """
                {"id":"%s","type":"%s","controller":"%s","publicKeyMultibase":"%s"}""".formatted(id, type, controller, key);
    }

    private static String service(String id, String type, String endpoint) {
        return """
                {"id":"%s","type":"%s","serviceEndpoint":"%s"}""".formatted(id, type, endpoint);
    }

    private static final String PDS = service("#atproto_pds", "AtprotoPersonalDataServer", "https://pds.example.com");

    @Test
    void readsTheReferenceShape() {
        DidDocument d = DidDocument.parse(doc(method(ALICE + "#atproto", "Multikey", ALICE.value(), K256_MULTIKEY), PDS));
        assertThat(d.did()).isEqualTo(ALICE);
        assertThat(d.handle()).contains(Handle.parse("alice.test"));
        assertThat(d.atprotoKey()).contains(Multikey.parse(K256_MULTIKEY));
        assertThat(d.pdsEndpoint()).contains(URI.create("https://pds.example.com"));
        assertThat(d.requireId(ALICE)).isSameAs(d);
    }

    @Test
    void acceptsRelativeAndAbsoluteIds() {
        DidDocument relative = DidDocument.parse(doc(method("#atproto", "Multikey", ALICE.value(), K256_MULTIKEY),
                service(ALICE + "#atproto_pds", "AtprotoPersonalDataServer", "https://pds.example.com")));
        assertThat(relative.atprotoKey()).contains(Multikey.parse(K256_MULTIKEY));
        assertThat(relative.pdsEndpoint()).contains(URI.create("https://pds.example.com"));
    }

    @Test
    void ignoresEntriesOfOtherDidsControllersTypesAndFragments() {
        String methods = String.join(",",
                method("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa#atproto", "Multikey", ALICE.value(), "zOther1"),
                method("#atproto", "Multikey", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", "zOther2"),
                method("#atproto", "JsonWebKey2020", ALICE.value(), "zOther3"),
                method("#atproto_label", "Multikey", ALICE.value(), "zOther4"),
                method("#xatproto", "Multikey", ALICE.value(), "zOther5"),
                method(ALICE + "#atproto", "Multikey", ALICE.value(), K256_MULTIKEY),
                method("#atproto", "Multikey", ALICE.value(), "zLater"));
        String services = String.join(",",
                service("did:web:evil.test#atproto_pds", "AtprotoPersonalDataServer", "https://evil.test"),
                service("#atproto_pds", "BskyFeedGenerator", "https://feed.test"),
                service("#atproto_pds", "AtprotoPersonalDataServer", "https://pds.example.com:8443"),
                service("#atproto_pds", "AtprotoPersonalDataServer", "https://later.test"));
        DidDocument d = DidDocument.parse(doc(methods, services));
        assertThat(d.atprotoVerificationMethod()).hasValueSatisfying(m -> assertThat(m.publicKeyMultibase()).contains(K256_MULTIKEY));
        assertThat(d.atprotoKey()).contains(Multikey.parse(K256_MULTIKEY));
        assertThat(d.pdsEndpoint()).contains(URI.create("https://pds.example.com:8443"));
    }

    /** The legacy encoding of the spec's example key: bare uncompressed point, curve from the type. */
    @Test
    void readsLegacyVerificationMethods() {
        DidDocument d = DidDocument.parse(doc(method("#atproto", "EcdsaSecp256k1VerificationKey2019", ALICE.value(), K256_LEGACY), PDS));
        PublicKey key = d.atprotoKey().orElseThrow();
        assertThat(key.didKey()).isEqualTo("did:key:" + K256_MULTIKEY);
    }

    @Test
    void undecodableFirstKeyMeansNoKey() {
        DidDocument d = DidDocument.parse(doc(String.join(",",
                method("#atproto", "Multikey", ALICE.value(), "zNotAKey"),
                method("#atproto", "Multikey", ALICE.value(), K256_MULTIKEY)), PDS));
        assertThat(d.atprotoVerificationMethod()).isPresent();
        assertThat(d.atprotoKey()).isEmpty();
    }

    @Test
    void handleIsTheFirstValidAtUri() {
        DidDocument d = DidDocument.parse("""
                {"id":"did:web:alice.test","alsoKnownAs":["https://alice.test","at://not_a_handle","at://Alice.Example.COM","at://b.test"]}""");
        assertThat(d.handle()).contains(Handle.parse("alice.example.com"));
        assertThat(DidDocument.parse("{\"id\":\"did:web:alice.test\",\"alsoKnownAs\":[\"at://x.test/path\"]}").handle()).isEmpty();
        assertThat(DidDocument.parse("{\"id\":\"did:web:alice.test\"}").handle()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://pds.example.com", "https://pds.example.com/xrpc", "https://user@pds.example.com",
        "https://pds.example.com?x=1", "https://pds.example.com#f", "pds.example.com", "https://", "not a url"})
    void pdsEndpointMustBeAnHttpServerUrl(String endpoint) {
        DidDocument d = DidDocument.parse(doc("", service("#atproto_pds", "AtprotoPersonalDataServer", endpoint)));
        assertThat(d.pdsEndpoint()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:2583", "https://pds.example.com/"})
    void pdsEndpointAcceptsHostPortAndRootPath(String endpoint) {
        DidDocument d = DidDocument.parse(doc("", service("#atproto_pds", "AtprotoPersonalDataServer", endpoint)));
        assertThat(d.pdsEndpoint()).contains(URI.create(endpoint));
    }

    @Test
    void skipsMembersAtprotoDoesNotRead() {
        DidDocument d = DidDocument.parse("""
                {"@context":"https://www.w3.org/ns/did/v1","id":"did:web:alice.test","controller":["did:web:x.test"],
                 "authentication":["#atproto",{"id":"#k","nested":[1.5,{"a":null}]}],
                 "verificationMethod":[{"id":"#jwk","type":"JsonWebKey2020","controller":"did:web:alice.test",
                   "publicKeyJwk":{"kty":"EC","crv":"P-256","x":"abc","y":"def"}}],
                 "service":[{"id":"#atproto_pds","type":"AtprotoPersonalDataServer","serviceEndpoint":"https://pds.test",
                   "accept":["didcomm/v2"],"weight":0.5}],"x-extension":{"deep":[[[]]]}}""");
        assertThat(d.context()).containsExactly("https://www.w3.org/ns/did/v1");
        assertThat(d.verificationMethods()).containsExactly(
                new VerificationMethod("#jwk", "JsonWebKey2020", "did:web:alice.test", Optional.empty()));
        assertThat(d.pdsEndpoint()).contains(URI.create("https://pds.test"));
        assertThat(d.atprotoKey()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]", "\"did:plc:x\"", "{}", "{\"id\":7}", "{\"id\":\"not-a-did\"}", "{\"id\":\"did:web:a.test\",\"id\":\"did:web:b.test\"}",
        "{\"id\":\"did:web:a.test\",\"alsoKnownAs\":[1]}", "{\"id\":\"did:web:a.test\",\"alsoKnownAs\":\"at://a.test\"}",
        "{\"id\":\"did:web:a.test\",\"verificationMethod\":[{\"id\":\"#atproto\",\"type\":\"Multikey\"}]}",
        "{\"id\":\"did:web:a.test\",\"verificationMethod\":[{\"id\":\"#atproto\",\"type\":\"Multikey\",\"controller\":[\"did:web:a.test\"]}]}",
        "{\"id\":\"did:web:a.test\",\"verificationMethod\":{}}",
        "{\"id\":\"did:web:a.test\",\"service\":[{\"id\":\"#atproto_pds\",\"type\":\"AtprotoPersonalDataServer\",\"serviceEndpoint\":{\"uri\":\"https://p.test\"}}]}",
        "{\"id\":\"did:web:a.test\",\"service\":[\"#atproto_pds\"]}",
        "{\"id\":\"did:web:a.test\"} {}", "{\"id\":\"did:web:a.test\""
    })
    void rejectsMalformedDocuments(String json) {
        assertThatThrownBy(() -> DidDocument.parse(json)).isInstanceOf(InvalidDidDocumentException.class);
    }

    @Test
    void rejectsOversizedDocumentsAndWrongIds() {
        String big = "{\"id\":\"did:web:a.test\",\"x\":\"" + "a".repeat(300_000) + "\"}";
        assertThatThrownBy(() -> DidDocument.parse(big)).isInstanceOf(InvalidDidDocumentException.class);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1025; i++) {
            many.add("\"at://h" + i + ".test\"");
        }
        assertThatThrownBy(() -> DidDocument.parse("{\"id\":\"did:web:a.test\",\"alsoKnownAs\":[" + String.join(",", many) + "]}"))
                .isInstanceOf(InvalidDidDocumentException.class);
        DidDocument d = DidDocument.parse("{\"id\":\"did:web:a.test\"}");
        assertThatThrownBy(() -> d.requireId(ALICE))
                .isInstanceOfSatisfying(InvalidDidDocumentException.class, e -> assertThat(e.field()).isEqualTo("id"));
    }

    /**
     * The spec's "Presentation as DID Document" example (did:plc spec v0.3), rendered as the reference
     * directory's formatDidDoc does: absolute verification method id, relative service id, the P-256 suite
     * context. (The spec's own rendering shows a relative key id and a different endpoint; the directory
     * writes these.)
     */
    @Test
    void rendersPlcStateAsTheDirectoryDoes() {
        PlcState state = new PlcState(ALICE,
                List.of("did:key:zDnaedvvAsDE6H3BDdBejpx9ve2Tz95cymyCAKF66JbyMh1Lt",
                        "did:key:zDnaeh9v2RmcMo13Du2d6pjUf5bZwtauYxj3n9dYjw4EZUAR7"),
                Map.of("atproto", "did:key:zDnaeh9v2RmcMo13Du2d6pjUf5bZwtauYxj3n9dYjw4EZUAR7"),
                List.of("at://alice.test"),
                Map.of("atproto_pds", PlcService.pds("https://example.test")));
        DidDocument d = state.toDidDocument();
        String expected = """
                {"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/multikey/v1",
                             "https://w3id.org/security/suites/ecdsa-2019/v1"],
                 "id":"did:plc:7iza6de2dwap2sbkpav7c6c6",
                 "alsoKnownAs":["at://alice.test"],
                 "verificationMethod":[{"id":"did:plc:7iza6de2dwap2sbkpav7c6c6#atproto","type":"Multikey",
                   "controller":"did:plc:7iza6de2dwap2sbkpav7c6c6",
                   "publicKeyMultibase":"zDnaeh9v2RmcMo13Du2d6pjUf5bZwtauYxj3n9dYjw4EZUAR7"}],
                 "service":[{"id":"#atproto_pds","type":"AtprotoPersonalDataServer","serviceEndpoint":"https://example.test"}]}""";
        JsonNode actual = JSON.readTree(d.toJson());
        assertThat(actual).isEqualTo(JSON.readTree(expected));
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = actual.propertyNames().iterator(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertThat(names).containsExactly("@context", "id", "alsoKnownAs", "verificationMethod", "service");
        assertThat(DidDocument.parse(d.toJson())).isEqualTo(d);
        assertThat(d.atprotoKey()).hasValueSatisfying(k -> assertThat(k.didKey())
                .isEqualTo("did:key:zDnaeh9v2RmcMo13Du2d6pjUf5bZwtauYxj3n9dYjw4EZUAR7"));
        assertThat(JSON.readTree(state.toJson())).isEqualTo(JSON.readTree("""
                {"did":"did:plc:7iza6de2dwap2sbkpav7c6c6",
                 "rotationKeys":["did:key:zDnaedvvAsDE6H3BDdBejpx9ve2Tz95cymyCAKF66JbyMh1Lt",
                                 "did:key:zDnaeh9v2RmcMo13Du2d6pjUf5bZwtauYxj3n9dYjw4EZUAR7"],
                 "verificationMethods":{"atproto":"did:key:zDnaeh9v2RmcMo13Du2d6pjUf5bZwtauYxj3n9dYjw4EZUAR7"},
                 "alsoKnownAs":["at://alice.test"],
                 "services":{"atproto_pds":{"type":"AtprotoPersonalDataServer","endpoint":"https://example.test"}}}"""));
    }

    @Test
    void rendersEveryKeyAndServiceAndTheSuitesOfBothCurves() {
        PlcState state = new PlcState(ALICE, List.of(),
                Map.of("atproto", "did:key:" + K256_MULTIKEY,
                        "atproto_label", "did:key:zDnaeh9v2RmcMo13Du2d6pjUf5bZwtauYxj3n9dYjw4EZUAR7",
                        "other", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"),
                List.of(), Map.of("atproto_pds", PlcService.pds("https://p.test"), "bsky_fg", new PlcService("BskyFeedGenerator", "https://f.test")));
        DidDocument d = state.toDidDocument();
        assertThat(d.context()).containsExactlyInAnyOrder(DidDocument.DID_CONTEXT, DidDocument.MULTIKEY_CONTEXT,
                PlcKeys.K256_CONTEXT, PlcKeys.P256_CONTEXT);
        assertThat(d.verificationMethods()).extracting(VerificationMethod::id).containsExactlyInAnyOrder(
                ALICE + "#atproto", ALICE + "#atproto_label", ALICE + "#other");
        assertThat(d.services()).extracting(DidService::id).containsExactlyInAnyOrder("#atproto_pds", "#bsky_fg");
        assertThat(d.handle()).isEmpty();
        assertThat(d.atprotoKey()).contains(Multikey.parse(K256_MULTIKEY));
    }
}
