package dev.skein.lexicon.lint;

import dev.skein.core.lexicon.LexArray;
import dev.skein.core.lexicon.LexBody;
import dev.skein.core.lexicon.LexFieldType;
import dev.skein.core.lexicon.LexObject;
import dev.skein.core.lexicon.LexParams;
import dev.skein.core.lexicon.LexProcedure;
import dev.skein.core.lexicon.LexQuery;
import dev.skein.core.lexicon.LexRecord;
import dev.skein.core.lexicon.LexSchema;
import dev.skein.core.lexicon.LexString;
import dev.skein.core.lexicon.LexSubscription;
import dev.skein.core.lexicon.LexiconDocument;
import dev.skein.core.lexicon.StringFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The project's conventions for its own Lexicons (lexicons/README.md, "Conventions"):
 * <ul>
 *   <li>{@code name}: namespace segments are lowercase letters and digits; the NSID name, definition names and
 *       property names are lowerCamelCase.</li>
 *   <li>{@code created-at}: a record type has a required {@code createdAt} datetime.</li>
 *   <li>{@code limits}: every array has a {@code maxLength}, and every string without a {@code format},
 *       {@code enum} or {@code const} has one.</li>
 * </ul>
 */
final class ConventionCheck {
    private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern LOWER_CAMEL = Pattern.compile("[a-z][a-zA-Z0-9]*");

    private final List<Finding> findings;
    private String file;

    ConventionCheck(List<Finding> findings) {
        this.findings = findings;
    }

    void check(LexiconDocument doc, String file) {
        this.file = file;
        String id = doc.id().toString();
        String[] segments = id.split("\\.");
        for (int i = 0; i < segments.length - 1; i++) {
            if (!SEGMENT.matcher(segments[i]).matches()) {
                findings.add(Finding.error(file, "/id", "name", "namespace segment \"" + segments[i]
                        + "\" must be lowercase letters and digits"));
            }
        }
        if (!LOWER_CAMEL.matcher(doc.id().name()).matches()) {
            findings.add(Finding.error(file, "/id", "name", "the name \"" + doc.id().name()
                    + "\" must be lowerCamelCase"));
        }
        for (Map.Entry<String, LexSchema> def : doc.defs().entrySet()) {
            String path = SchemaPaths.def(def.getKey());
            if (!LOWER_CAMEL.matcher(def.getKey()).matches()) {
                findings.add(Finding.error(file, path, "name", "definition name \"" + def.getKey()
                        + "\" must be lowerCamelCase"));
            }
            if (def.getValue() instanceof LexRecord r) {
                createdAt(r, path);
            }
            schema(def.getValue(), path);
        }
    }

    private void createdAt(LexRecord record, String path) {
        LexFieldType createdAt = record.record().properties().get("createdAt");
        boolean datetime = createdAt instanceof LexString s && s.format().equals(Optional.of(StringFormat.DATETIME));
        if (!datetime || !record.record().isRequired("createdAt")) {
            findings.add(Finding.error(file, path + "/record", "created-at",
                    "a record type must have a required createdAt string of format datetime"));
        }
    }

    private void schema(LexSchema schema, String path) {
        switch (schema) {
            case LexRecord r -> field(r.record(), path + "/record");
            case LexQuery q -> {
                q.parameters().ifPresent(p -> params(p, path + "/parameters"));
                body(q.output(), path + "/output");
            }
            case LexProcedure p -> {
                p.parameters().ifPresent(ps -> params(ps, path + "/parameters"));
                body(p.input(), path + "/input");
                body(p.output(), path + "/output");
            }
            case LexSubscription s -> s.parameters().ifPresent(p -> params(p, path + "/parameters"));
            case LexFieldType f -> field(f, path);
            default -> { }
        }
    }

    private void body(Optional<LexBody> body, String path) {
        body.flatMap(LexBody::schema).ifPresent(s -> field(s.asFieldType(), path + "/schema"));
    }

    private void params(LexParams params, String path) {
        properties(params.properties(), path);
    }

    private void properties(Map<String, LexFieldType> properties, String path) {
        for (Map.Entry<String, LexFieldType> p : properties.entrySet()) {
            String child = SchemaPaths.child(path + "/properties", p.getKey());
            if (!LOWER_CAMEL.matcher(p.getKey()).matches()) {
                findings.add(Finding.error(file, child, "name", "property name \"" + p.getKey()
                        + "\" must be lowerCamelCase"));
            }
            field(p.getValue(), child);
        }
    }

    private void field(LexFieldType type, String path) {
        switch (type) {
            case LexObject o -> properties(o.properties(), path);
            case LexArray a -> {
                if (a.maxLength().isEmpty()) {
                    findings.add(Finding.error(file, path, "limits", "an array must have a maxLength"));
                }
                field(a.items(), path + "/items");
            }
            case LexString s -> {
                boolean bounded = s.maxLength().isPresent() || s.format().isPresent() || s.enumValues().isPresent()
                        || s.constValue().isPresent();
                if (!bounded) {
                    findings.add(Finding.error(file, path, "limits",
                            "a string without a format, enum or const must have a maxLength"));
                }
            }
            default -> { }
        }
    }
}
