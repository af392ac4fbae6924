package dev.skein.lexicon.lint;

import dev.skein.core.lexicon.LexArray;
import dev.skein.core.lexicon.LexBlob;
import dev.skein.core.lexicon.LexBody;
import dev.skein.core.lexicon.LexBoolean;
import dev.skein.core.lexicon.LexBytes;
import dev.skein.core.lexicon.LexFieldType;
import dev.skein.core.lexicon.LexInteger;
import dev.skein.core.lexicon.LexObject;
import dev.skein.core.lexicon.LexParams;
import dev.skein.core.lexicon.LexProcedure;
import dev.skein.core.lexicon.LexQuery;
import dev.skein.core.lexicon.LexRecord;
import dev.skein.core.lexicon.LexRef;
import dev.skein.core.lexicon.LexSchema;
import dev.skein.core.lexicon.LexString;
import dev.skein.core.lexicon.LexSubscription;
import dev.skein.core.lexicon.LexUnion;
import dev.skein.core.lexicon.LexiconDocument;
import dev.skein.core.lexicon.SchemaRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backward compatibility of a changed Lexicon with its previous version. The spec's rule is that old data must
 * still be valid under the new schema and new data valid under the old one: new fields must be optional,
 * required fields stay, types do not change. So, as errors:
 * <ul>
 *   <li>{@code compat-removed}: a definition or property is gone (even an optional one: its name could come back
 *       with another type and make old data invalid);</li>
 *   <li>{@code compat-required}: a new property is required, or a property changed between required and
 *       optional;</li>
 *   <li>{@code compat-type}: a type, format, ref target, {@code const} or body encoding changed;</li>
 *   <li>{@code compat-narrowed}: a constraint now refuses data it accepted (lower {@code maxLength},
 *       {@code maxGraphemes}, {@code maximum}, {@code maxSize}; higher minimums; a new {@code format} or
 *       {@code const}; fewer blob {@code accept} types; {@code nullable} dropped);</li>
 *   <li>{@code compat-enum}: an {@code enum} changed at all: removing a value refuses old data, adding one makes
 *       older validators refuse new data (which is why open sets use {@code knownValues}, free to change);</li>
 *   <li>{@code compat-union}: a variant removed from a union, one added to a closed union, or
 *       {@code closed} changed;</li>
 *   <li>{@code compat-key}: a record's key type changed.</li>
 * </ul>
 * As warnings, {@code compat-widened}: a constraint now accepts more (higher {@code maxLength}, a removed
 * {@code format}, more blob types, a new {@code nullable}). Old data stays valid, but older validators refuse new
 * data that uses the room, so writers must not rely on it until every reader has the new schema.
 */
final class CompatibilityCheck {
    private final String file;
    private final List<Finding> findings;

    CompatibilityCheck(String file, List<Finding> findings) {
        this.file = file;
        this.findings = findings;
    }

    void check(LexiconDocument old, LexiconDocument neu) {
        for (Map.Entry<String, LexSchema> def : old.defs().entrySet()) {
            String path = SchemaPaths.def(def.getKey());
            LexSchema now = neu.defs().get(def.getKey());
            if (now == null) {
                error(path, "compat-removed", "the definition " + old.ref(def.getKey()) + " was removed");
            } else {
                schema(def.getValue(), now, path);
            }
        }
    }

    private void schema(LexSchema old, LexSchema neu, String path) {
        if (!old.type().equals(neu.type())) {
            error(path, "compat-type", "type changed from " + old.type() + " to " + neu.type());
            return;
        }
        switch (old) {
            case LexRecord r -> {
                LexRecord n = (LexRecord) neu;
                if (!r.key().equals(n.key())) {
                    error(path + "/key", "compat-key", "record key changed from " + r.key() + " to " + n.key());
                }
                field(r.record(), n.record(), path + "/record");
            }
            case LexQuery q -> {
                LexQuery n = (LexQuery) neu;
                params(q.parameters(), n.parameters(), path + "/parameters");
                body(q.output(), n.output(), path + "/output");
            }
            case LexProcedure p -> {
                LexProcedure n = (LexProcedure) neu;
                params(p.parameters(), n.parameters(), path + "/parameters");
                body(p.input(), n.input(), path + "/input");
                body(p.output(), n.output(), path + "/output");
            }
            case LexSubscription s -> {
                LexSubscription n = (LexSubscription) neu;
                params(s.parameters(), n.parameters(), path + "/parameters");
                field(s.message().schema(), n.message().schema(), path + "/message/schema");
            }
            case LexFieldType f -> field(f, (LexFieldType) neu, path);
            default -> { }
        }
    }

    private void params(Optional<LexParams> old, Optional<LexParams> neu, String path) {
        if (old.isPresent() || neu.isPresent()) {
            LexParams o = old.orElse(new LexParams(Optional.empty(), Map.of(), List.of()));
            LexParams n = neu.orElse(new LexParams(Optional.empty(), Map.of(), List.of()));
            properties(o.properties(), o.required(), List.of(), n.properties(), n.required(), List.of(), path);
        }
    }

    private void body(Optional<LexBody> old, Optional<LexBody> neu, String path) {
        if (old.isEmpty()) {
            return;
        }
        if (neu.isEmpty()) {
            error(path, "compat-removed", "the body was removed");
            return;
        }
        if (!old.get().encoding().equals(neu.get().encoding())) {
            error(path + "/encoding", "compat-type", "encoding changed from " + old.get().encoding() + " to "
                    + neu.get().encoding());
        }
        if (old.get().schema().isPresent() && neu.get().schema().isPresent()) {
            field(old.get().schema().get().asFieldType(), neu.get().schema().get().asFieldType(), path + "/schema");
        } else if (old.get().schema().isPresent()) {
            error(path + "/schema", "compat-removed", "the body schema was removed");
        }
    }

    private void field(LexFieldType old, LexFieldType neu, String path) {
        if (!old.type().equals(neu.type())) {
            error(path, "compat-type", "type changed from " + old.type() + " to " + neu.type());
            return;
        }
        switch (old) {
            case LexObject o -> {
                LexObject n = (LexObject) neu;
                properties(o.properties(), o.required(), o.nullable(), n.properties(), n.required(), n.nullable(),
                        path);
            }
            case LexString s -> string(s, (LexString) neu, path);
            case LexInteger i -> {
                LexInteger n = (LexInteger) neu;
                upper(i.maximum(), n.maximum(), path, "maximum");
                lower(i.minimum(), n.minimum(), path, "minimum");
                enums(i.enumValues(), n.enumValues(), path);
                fixed(i.constValue(), n.constValue(), i.defaultValue(), n.defaultValue(), path);
            }
            case LexBoolean b -> {
                LexBoolean n = (LexBoolean) neu;
                fixed(b.constValue(), n.constValue(), b.defaultValue(), n.defaultValue(), path);
            }
            case LexBytes b -> {
                LexBytes n = (LexBytes) neu;
                upper(b.maxLength(), n.maxLength(), path, "maxLength");
                lower(b.minLength(), n.minLength(), path, "minLength");
            }
            case LexBlob b -> blob(b, (LexBlob) neu, path);
            case LexArray a -> {
                LexArray n = (LexArray) neu;
                upper(a.maxLength(), n.maxLength(), path, "maxLength");
                lower(a.minLength(), n.minLength(), path, "minLength");
                field(a.items(), n.items(), path + "/items");
            }
            case LexRef r -> {
                SchemaRef now = ((LexRef) neu).ref();
                if (!r.ref().equals(now)) {
                    error(path + "/ref", "compat-type", "ref changed from " + r.ref() + " to " + now);
                }
            }
            case LexUnion u -> union(u, (LexUnion) neu, path);
            default -> { }
        }
    }

    private void properties(Map<String, LexFieldType> old, List<String> oldRequired, List<String> oldNullable,
            Map<String, LexFieldType> neu, List<String> newRequired, List<String> newNullable, String path) {
        for (Map.Entry<String, LexFieldType> p : old.entrySet()) {
            String name = p.getKey();
            String child = SchemaPaths.child(path + "/properties", name);
            LexFieldType now = neu.get(name);
            if (now == null) {
                error(child, "compat-removed", "the property " + name + " was removed");
                continue;
            }
            if (oldRequired.contains(name) != newRequired.contains(name)) {
                error(child, "compat-required", oldRequired.contains(name)
                        ? name + " is no longer required: data without it fails older validators"
                        : name + " became required: older data without it fails");
            }
            if (oldNullable.contains(name) && !newNullable.contains(name)) {
                error(child, "compat-narrowed", name + " is no longer nullable");
            } else if (!oldNullable.contains(name) && newNullable.contains(name)) {
                warning(child, name + " became nullable");
            }
            field(p.getValue(), now, child);
        }
        for (String name : neu.keySet()) {
            if (!old.containsKey(name) && newRequired.contains(name)) {
                error(SchemaPaths.child(path + "/properties", name), "compat-required",
                        "the new property " + name + " is required: new properties must be optional");
            }
        }
    }

    private void string(LexString old, LexString neu, String path) {
        upper(old.maxLength(), neu.maxLength(), path, "maxLength");
        upper(old.maxGraphemes(), neu.maxGraphemes(), path, "maxGraphemes");
        lower(old.minLength(), neu.minLength(), path, "minLength");
        lower(old.minGraphemes(), neu.minGraphemes(), path, "minGraphemes");
        if (old.format().isEmpty() && neu.format().isPresent()) {
            error(path + "/format", "compat-narrowed", "format " + neu.format().get() + " was added");
        } else if (old.format().isPresent() && neu.format().isEmpty()) {
            warning(path + "/format", "format " + old.format().get() + " was removed");
        } else if (!old.format().equals(neu.format())) {
            error(path + "/format", "compat-type", "format changed from " + old.format().get() + " to "
                    + neu.format().get());
        }
        enums(old.enumValues(), neu.enumValues(), path);
        fixed(old.constValue(), neu.constValue(), old.defaultValue(), neu.defaultValue(), path);
    }

    private void blob(LexBlob old, LexBlob neu, String path) {
        upper(old.maxSize(), neu.maxSize(), path, "maxSize");
        if (old.accept().isEmpty() && neu.accept().isPresent()) {
            error(path + "/accept", "compat-narrowed", "accept was added: " + neu.accept().get());
        } else if (old.accept().isPresent() && neu.accept().isEmpty()) {
            warning(path + "/accept", "accept was removed");
        } else if (old.accept().isPresent()) {
            List<String> removed = minus(old.accept().get(), neu.accept().get());
            List<String> added = minus(neu.accept().get(), old.accept().get());
            if (!removed.isEmpty()) {
                error(path + "/accept", "compat-narrowed", "accept no longer has " + removed);
            }
            if (!added.isEmpty()) {
                warning(path + "/accept", "accept now also has " + added);
            }
        }
    }

    private void union(LexUnion old, LexUnion neu, String path) {
        if (old.closed() != neu.closed()) {
            error(path + "/closed", "compat-union", "closed changed from " + old.closed() + " to " + neu.closed());
        }
        List<String> oldRefs = old.refs().stream().map(SchemaRef::toString).toList();
        List<String> newRefs = neu.refs().stream().map(SchemaRef::toString).toList();
        List<String> removed = minus(oldRefs, newRefs);
        if (!removed.isEmpty()) {
            error(path + "/refs", "compat-union", "variants removed: " + removed);
        }
        List<String> added = minus(newRefs, oldRefs);
        if (old.closed() && neu.closed() && !added.isEmpty()) {
            error(path + "/refs", "compat-union", "variants added to a closed union: " + added);
        }
    }

    private <T> void enums(Optional<List<T>> old, Optional<List<T>> neu, String path) {
        if (old.equals(neu) || (old.isPresent() && neu.isPresent()
                && minus(old.get(), neu.get()).isEmpty() && minus(neu.get(), old.get()).isEmpty())) {
            return;
        }
        if (old.isEmpty()) {
            error(path + "/enum", "compat-enum", "an enum was added: values outside it fail");
        } else if (neu.isEmpty()) {
            error(path + "/enum", "compat-enum", "the enum was removed: new values fail older validators");
        } else {
            List<String> removed = minus(old.get(), neu.get()).stream().map(String::valueOf).toList();
            List<String> added = minus(neu.get(), old.get()).stream().map(String::valueOf).toList();
            error(path + "/enum", "compat-enum", "enum changed" + (removed.isEmpty() ? "" : ", removed " + removed)
                    + (added.isEmpty() ? "" : ", added " + added + " (older validators refuse them)"));
        }
    }

    private <T> void fixed(Optional<T> oldConst, Optional<T> newConst, Optional<T> oldDefault,
            Optional<T> newDefault, String path) {
        if (newConst.isPresent() && !newConst.equals(oldConst)) {
            error(path + "/const", "compat-type", "const " + newConst.get() + " was added or changed");
        } else if (oldConst.isPresent() && newConst.isEmpty()) {
            warning(path + "/const", "const " + oldConst.get() + " was removed");
        }
        if (!oldDefault.equals(newDefault)) {
            findings.add(Finding.warning(file, path + "/default", "compat-default",
                    "default changed from " + oldDefault.map(String::valueOf).orElse("none") + " to "
                    + newDefault.map(String::valueOf).orElse("none") + ": absent values now mean something else"));
        }
    }

    /** A maximum: lower or newly set narrows, higher or dropped widens. */
    private <N extends Number> void upper(Optional<N> old, Optional<N> neu, String path, String name) {
        limit(old, neu, path, name, true);
    }

    /** A minimum: higher or newly set narrows, lower or dropped widens. */
    private <N extends Number> void lower(Optional<N> old, Optional<N> neu, String path, String name) {
        limit(old, neu, path, name, false);
    }

    private <N extends Number> void limit(Optional<N> old, Optional<N> neu, String path, String name,
            boolean maximum) {
        String at = path + "/" + name;
        if (old.isEmpty() && neu.isPresent()) {
            error(at, "compat-narrowed", name + " " + neu.get() + " was added");
        } else if (old.isPresent() && neu.isEmpty()) {
            warning(at, name + " " + old.get() + " was removed");
        } else if (old.isPresent()) {
            long o = old.get().longValue();
            long n = neu.get().longValue();
            if (o != n && (n < o) == maximum) {
                error(at, "compat-narrowed", name + " went from " + o + " to " + n);
            } else if (o != n) {
                warning(at, name + " went from " + o + " to " + n);
            }
        }
    }

    private static <T> List<T> minus(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.removeAll(b);
        return out;
    }

    private void error(String path, String rule, String message) {
        findings.add(Finding.error(file, path, rule, message));
    }

    private void warning(String path, String message) {
        findings.add(Finding.warning(file, path, "compat-widened", message));
    }
}
