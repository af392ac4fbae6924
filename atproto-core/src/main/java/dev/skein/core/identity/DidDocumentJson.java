package dev.skein.core.identity;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.InvalidSyntaxException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams a DID document in and out. Reading keeps the members atproto uses and skips the rest (other
 * W3C members, JWK keys, extension fields), whatever JSON they hold; writing gives the member order of the
 * reference PLC directory.
 */
final class DidDocumentJson {
    /** The largest document read, in bytes: far above any real one, small enough to refuse abuse. */
    static final int MAX_BYTES = 256 * 1024;
    /** The most entries read in one array ({@code alsoKnownAs}, {@code verificationMethod}, {@code service}). */
    static final int MAX_ARRAY_ENTRIES = 1024;
    /** The deepest nesting read. */
    static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private DidDocumentJson() {}

    static DidDocument read(byte[] json) {
        if (json.length > MAX_BYTES) {
            throw new InvalidDidDocumentException("", "document of " + json.length + " bytes is over the limit of " + MAX_BYTES);
        }
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidDidDocumentException("", "a DID document must be a JSON object");
            }
            String id = null;
            List<String> context = List.of();
            List<String> aka = List.of();
            List<VerificationMethod> methods = List.of();
            List<DidService> services = List.of();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "id" -> id = string(p, t, "id");
                    case "@context" -> context = t == JsonToken.VALUE_STRING ? List.of(p.getString()) : stringArray(p, t, "@context");
                    case "alsoKnownAs" -> aka = stringArray(p, t, "alsoKnownAs");
                    case "verificationMethod" -> methods = objects(p, t, "verificationMethod", DidDocumentJson::method);
                    case "service" -> services = objects(p, t, "service", DidDocumentJson::service);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new InvalidDidDocumentException("", "trailing content after the document");
            }
            if (id == null) {
                throw new InvalidDidDocumentException("id", "missing");
            }
            Did did;
            try {
                did = Did.parse(id);
            } catch (InvalidSyntaxException e) {
                throw new InvalidDidDocumentException("id", e.getMessage());
            }
            return new DidDocument(did, context, aka, methods, services);
        } catch (JacksonException e) {
            throw new InvalidDidDocumentException("", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private interface EntryReader<T> {
        T read(JsonParser p, String path);
    }

    private static <T> List<T> objects(JsonParser p, JsonToken t, String path, EntryReader<T> reader) {
        if (t != JsonToken.START_ARRAY) {
            throw new InvalidDidDocumentException(path, "must be an array");
        }
        List<T> out = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String at = path + "[" + out.size() + "]";
            if (out.size() >= MAX_ARRAY_ENTRIES) {
                throw new InvalidDidDocumentException(path, "more than " + MAX_ARRAY_ENTRIES + " entries");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new InvalidDidDocumentException(at, "must be an object");
            }
            out.add(reader.read(p, at));
        }
        return List.copyOf(out);
    }

    private static VerificationMethod method(JsonParser p, String path) {
        String id = null;
        String type = null;
        String controller = null;
        String multibase = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> id = string(p, t, path + ".id");
                case "type" -> type = string(p, t, path + ".type");
                case "controller" -> controller = string(p, t, path + ".controller");
                case "publicKeyMultibase" -> multibase = string(p, t, path + ".publicKeyMultibase");
                default -> p.skipChildren();
            }
        }
        return new VerificationMethod(required(id, path + ".id"), required(type, path + ".type"),
                required(controller, path + ".controller"), Optional.ofNullable(multibase));
    }

    private static DidService service(JsonParser p, String path) {
        String id = null;
        String type = null;
        String endpoint = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> id = string(p, t, path + ".id");
                case "type" -> type = string(p, t, path + ".type");
                case "serviceEndpoint" -> endpoint = string(p, t, path + ".serviceEndpoint");
                default -> p.skipChildren();
            }
        }
        return new DidService(required(id, path + ".id"), required(type, path + ".type"),
                required(endpoint, path + ".serviceEndpoint"));
    }

    private static String required(String value, String path) {
        if (value == null) {
            throw new InvalidDidDocumentException(path, "missing");
        }
        return value;
    }

    private static String string(JsonParser p, JsonToken t, String path) {
        if (t != JsonToken.VALUE_STRING) {
            throw new InvalidDidDocumentException(path, "must be a string");
        }
        return p.getString();
    }

    private static List<String> stringArray(JsonParser p, JsonToken t, String path) {
        if (t != JsonToken.START_ARRAY) {
            throw new InvalidDidDocumentException(path, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (out.size() >= MAX_ARRAY_ENTRIES) {
                throw new InvalidDidDocumentException(path, "more than " + MAX_ARRAY_ENTRIES + " entries");
            }
            out.add(string(p, t, path + "[" + out.size() + "]"));
        }
        return List.copyOf(out);
    }

    static byte[] write(DidDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeName("@context");
            g.writeStartArray();
            for (String c : doc.context()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeStringProperty("id", doc.id().value());
            g.writeName("alsoKnownAs");
            g.writeStartArray();
            for (String a : doc.alsoKnownAs()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeName("verificationMethod");
            g.writeStartArray();
            for (VerificationMethod m : doc.verificationMethods()) {
                g.writeStartObject();
                g.writeStringProperty("id", m.id());
                g.writeStringProperty("type", m.type());
                g.writeStringProperty("controller", m.controller());
                if (m.publicKeyMultibase().isPresent()) {
                    g.writeStringProperty("publicKeyMultibase", m.publicKeyMultibase().get());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("service");
            g.writeStartArray();
            for (DidService s : doc.services()) {
                g.writeStartObject();
                g.writeStringProperty("id", s.id());
                g.writeStringProperty("type", s.type());
                g.writeStringProperty("serviceEndpoint", s.serviceEndpoint());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
