package dev.skein.lexicon.codegen;

import dev.skein.core.lexicon.LexArray;
import dev.skein.core.lexicon.LexBlob;
import dev.skein.core.lexicon.LexBoolean;
import dev.skein.core.lexicon.LexBytes;
import dev.skein.core.lexicon.LexCidLink;
import dev.skein.core.lexicon.LexFieldType;
import dev.skein.core.lexicon.LexInteger;
import dev.skein.core.lexicon.LexNull;
import dev.skein.core.lexicon.LexObject;
import dev.skein.core.lexicon.LexRecord;
import dev.skein.core.lexicon.LexRef;
import dev.skein.core.lexicon.LexSchema;
import dev.skein.core.lexicon.LexString;
import dev.skein.core.lexicon.LexToken;
import dev.skein.core.lexicon.LexUnion;
import dev.skein.core.lexicon.LexUnknown;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconDocument;
import dev.skein.core.lexicon.SchemaRef;
import dev.skein.core.lexicon.StringFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the types of one Lexicon: which Java record, union interface or constant each definition, property and
 * inline schema becomes, and under which name. Names are made unique where Java needs them to be: nested types
 * among their siblings and apart from their enclosing types, components and constants within their type.
 */
final class DocumentPlanner {
    private static final String DATA = "dev.skein.core.data.";
    private static final String SYNTAX = "dev.skein.core.syntax.";

    private final LexiconCatalog catalog;
    private final TypeIndex index;
    private final LexiconDocument doc;
    private final KeyOrder order;

    DocumentPlanner(LexiconCatalog catalog, TypeIndex index, LexiconDocument doc, KeyOrder order) {
        this.catalog = catalog;
        this.index = index;
        this.doc = doc;
        this.order = order;
    }

    /** Where nested types go: their owner, the names its direct members use, the names of enclosing types. */
    private record Scope(ObjectModel owner, Set<String> members, Set<String> enclosing, Set<String> statics,
            String pointer) {
        String nestedName(String base) {
            Set<String> taken = new HashSet<>(members);
            taken.addAll(enclosing);
            String name = JavaNames.unique(base, taken);
            members.add(name);
            return name;
        }

        /** The scope of an array's items. */
        Scope items() {
            return new Scope(owner, members, enclosing, statics, pointer + "/items");
        }
    }

    TypeModel plan() {
        GenRef top = GenRef.top(index.topLevel(doc.id()));
        Set<String> topMembers = index.topMembers(doc.id());
        Set<String> topStatics = new HashSet<>(Set.of("ID", "NSID", "TYPE"));
        Optional<LexSchema> main = doc.main();
        TypeModel model;
        List<ConstantModel> topConstants;
        List<TypeModel> topNested;
        if (main.isPresent() && main.get() instanceof LexRecord r) {
            ObjectModel o = object(top, Optional.of(doc.id().toString()), true, r.description(), r.record(),
                    topMembers, Set.of(), topStatics, "/defs/main/record");
            model = o;
            topConstants = o.constants();
            topNested = o.nested();
        } else if (main.isPresent() && main.get() instanceof LexObject obj) {
            ObjectModel o = object(top, Optional.of(doc.id().toString()), false, obj.description(), obj,
                    topMembers, Set.of(), topStatics, "/defs/main");
            model = o;
            topConstants = o.constants();
            topNested = o.nested();
        } else {
            Optional<String> description = doc.description().or(() -> main.flatMap(LexSchema::description));
            HolderModel h = new HolderModel(top, description, List.of(), List.of());
            model = h;
            topConstants = h.constants();
            topNested = h.nested();
        }
        for (Map.Entry<String, LexSchema> def : order.sorted(doc.id(), "/defs", doc.defs().entrySet())) {
            SchemaRef ref = doc.ref(def.getKey());
            switch (def.getValue()) {
                case LexObject o when !ref.isMain() -> {
                    GenRef self = index.type(ref).orElseThrow();
                    Set<String> enclosing = Set.of(top.simpleName(), self.simpleName());
                    topNested.add(object(self, Optional.of(ref.toString()), false, o.description(), o,
                            new HashSet<>(), enclosing, new HashSet<>(Set.of("TYPE")),
                            KeyOrder.child("/defs", def.getKey())));
                }
                case LexToken t -> topConstants.add(new ConstantModel(
                        JavaNames.unique(JavaNames.constantName(def.getKey()), topStatics), ref.toString(),
                        "Tokens", t.description()));
                case LexString s -> stringConstants(s, def.getKey(), topConstants, topStatics);
                default -> { }
            }
        }
        return model;
    }

    /**
     * A record for an object. {@code members} are the names already used by types nested directly in it (for
     * the top-level type, the definitions' records), {@code enclosing} the names of the types around it.
     */
    private ObjectModel object(GenRef self, Optional<String> typeTag, boolean record, Optional<String> description,
            LexObject schema, Set<String> members, Set<String> enclosing, Set<String> statics, String pointer) {
        ObjectModel model = new ObjectModel(self, typeTag, record, description, List.of(), List.of(), List.of());
        Set<String> enclosingAll = new HashSet<>(enclosing);
        enclosingAll.add(self.simpleName());
        String propertiesPointer = pointer + "/properties";
        List<Map.Entry<String, LexFieldType>> properties =
                order.sorted(doc.id(), propertiesPointer, schema.properties().entrySet());
        Set<String> components = new HashSet<>();
        List<String> javaNames = new ArrayList<>();
        for (Map.Entry<String, LexFieldType> p : properties) {
            javaNames.add(JavaNames.unique(JavaNames.memberName(p.getKey()), components));
        }
        statics.addAll(components);
        for (int i = 0; i < properties.size(); i++) {
            String name = properties.get(i).getKey();
            String javaName = javaNames.get(i);
            Scope scope = new Scope(model, members, enclosingAll, statics, KeyOrder.child(propertiesPointer, name));
            FieldType type = fieldType(properties.get(i).getValue(), name, scope, false);
            model.fields().add(new FieldModel(name, javaName, type, schema.isRequired(name),
                    schema.isNullable(name), properties.get(i).getValue().description()));
        }
        return model;
    }

    private FieldType fieldType(LexFieldType type, String property, Scope scope, boolean item) {
        return switch (type) {
            case LexBoolean b -> new FieldType.Builtin("java.lang.Boolean", "boolean", "BOOLEAN");
            case LexInteger i -> new FieldType.Builtin("java.lang.Long", "long", "INTEGER");
            case LexString s -> {
                stringConstants(s, property, scope.owner().constants(), scope.statics());
                yield string(s);
            }
            case LexBytes b -> new FieldType.Builtin(DATA + "BytesValue", null, "BYTES");
            case LexCidLink c -> new FieldType.Builtin("dev.skein.core.cid.Cid", null, "LINK");
            case LexBlob b -> new FieldType.Builtin(DATA + "BlobRef", null, "BLOB");
            case LexUnknown u -> new FieldType.Builtin(DATA + "MapValue", null, "UNKNOWN");
            case LexNull n -> new FieldType.Builtin(DATA + "NullValue", null, "NULL");
            case LexArray a -> new FieldType.ListOf(fieldType(a.items(), property, scope.items(), true));
            case LexObject o -> {
                String name = scope.nestedName(JavaNames.typeName(property) + (item ? "Item" : ""));
                GenRef self = scope.owner().self().nested(name);
                scope.owner().nested().add(object(self, Optional.empty(), false, o.description(), o,
                        new HashSet<>(), scope.enclosing(), new HashSet<>(Set.of("TYPE")), scope.pointer()));
                yield new FieldType.Generated(self);
            }
            case LexRef r -> ref(r.ref(), property, scope, item);
            case LexUnion u -> {
                String name = scope.nestedName(JavaNames.typeName(property) + "Union");
                GenRef self = scope.owner().self().nested(name);
                scope.owner().nested().add(union(self, u, scope.enclosing()));
                yield new FieldType.Generated(self);
            }
        };
    }

    /** A ref: the generated type of an object or record; the type of any other definition, inlined. */
    private FieldType ref(SchemaRef ref, String property, Scope scope, boolean item) {
        LexSchema target = catalog.find(ref).orElseThrow(() -> new GeneratorException(doc.id().toString(),
                "reference " + ref + " does not resolve"));
        if (target instanceof LexObject || target instanceof LexRecord) {
            return new FieldType.Generated(generated(ref));
        }
        if (target instanceof LexString s) {
            return string(s);
        }
        if (target instanceof LexFieldType f) {
            return fieldType(f, property, scope, item);
        }
        throw new GeneratorException(doc.id().toString(), "reference " + ref + " names a " + target.type()
                + ", which has no data representation");
    }

    private UnionModel union(GenRef self, LexUnion union, Set<String> enclosing) {
        Set<String> taken = new HashSet<>(enclosing);
        taken.add(self.simpleName());
        if (!union.closed()) {
            taken.add("Unknown");
        }
        List<String> plain = union.refs().stream()
                .map(r -> JavaNames.typeName(r.isMain() ? r.nsid().name() : r.name()))
                .toList();
        List<UnionModel.Variant> variants = new ArrayList<>();
        for (int i = 0; i < union.refs().size(); i++) {
            SchemaRef ref = union.refs().get(i);
            String base = plain.get(i);
            if (plain.indexOf(base) != plain.lastIndexOf(base) && !ref.isMain()) {
                base = JavaNames.typeName(ref.nsid().name()) + base;
            }
            LexSchema target = catalog.find(ref).orElseThrow(() -> new GeneratorException(doc.id().toString(),
                    "union variant " + ref + " does not resolve"));
            variants.add(new UnionModel.Variant(JavaNames.unique(base, taken), ref.toString(), generated(ref),
                    target instanceof LexRecord));
        }
        return new UnionModel(self, union.closed(), union.description(), variants);
    }

    private GenRef generated(SchemaRef ref) {
        return index.type(ref).orElseThrow(() -> new GeneratorException(doc.id().toString(),
                "refers to " + ref + ", which is not generated: add a prefix that covers " + ref.nsid()));
    }

    private static FieldType string(LexString s) {
        Optional<StringFormat> format = s.format();
        if (format.isEmpty()) {
            return new FieldType.Builtin("java.lang.String", null, "STRING");
        }
        return switch (format.get()) {
            case AT_IDENTIFIER -> new FieldType.Builtin(SYNTAX + "AtIdentifier", null, "AT_IDENTIFIER");
            case AT_URI -> new FieldType.Builtin(SYNTAX + "AtUri", null, "AT_URI");
            case CID -> new FieldType.Builtin("dev.skein.core.cid.Cid", null, "CID");
            case DATETIME -> new FieldType.Builtin(SYNTAX + "Datetime", null, "DATETIME");
            case DID -> new FieldType.Builtin(SYNTAX + "Did", null, "DID");
            case HANDLE -> new FieldType.Builtin(SYNTAX + "Handle", null, "HANDLE");
            case NSID -> new FieldType.Builtin(SYNTAX + "Nsid", null, "NSID");
            case TID -> new FieldType.Builtin(SYNTAX + "Tid", null, "TID");
            case RECORD_KEY -> new FieldType.Builtin(SYNTAX + "RecordKey", null, "RECORD_KEY");
            case URI -> new FieldType.Builtin(SYNTAX + "Uri", null, "URI");
            case LANGUAGE -> new FieldType.Builtin(SYNTAX + "LanguageTag", null, "LANGUAGE");
        };
    }

    /** Constants for a string's known values (an open set) or enum (a closed one), named after {@code owner}. */
    private static void stringConstants(LexString s, String owner, List<ConstantModel> out, Set<String> statics) {
        String prefix = JavaNames.constantName(owner) + "_";
        for (String v : s.knownValues()) {
            out.add(new ConstantModel(JavaNames.unique(prefix + JavaNames.constantName(v), statics), v,
                    "Known values of " + owner + " (an open set: expect others)", Optional.empty()));
        }
        for (String v : s.enumValues().orElse(List.of())) {
            out.add(new ConstantModel(JavaNames.unique(prefix + JavaNames.constantName(v), statics), v,
                    "Allowed values of " + owner + " (a closed set)", Optional.empty()));
        }
    }
}
