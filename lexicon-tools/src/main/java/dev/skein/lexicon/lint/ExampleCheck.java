package dev.skein.lexicon.lint;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.InvalidDataException;
import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexRecord;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconDocument;
import dev.skein.core.lexicon.LexiconValidator;
import dev.skein.core.lexicon.ValidationError;
import dev.skein.lexicon.files.LexiconFiles;
import java.util.List;

/**
 * The {@code examples} convention: a record type {@code ns.name} has {@code ns/examples/name-valid.json}, an
 * array of records that must validate, and {@code ns/examples/name-invalid.json}, an array of
 * {@code {"why", "rule", "record"}} whose records must not.
 */
final class ExampleCheck {
    private final LexiconFiles files;
    private final LexiconValidator validator;
    private final List<Finding> findings;

    ExampleCheck(LexiconFiles files, LexiconCatalog catalog, List<Finding> findings) {
        this.files = files;
        this.validator = new LexiconValidator(catalog);
        this.findings = findings;
    }

    void check(LexiconDocument doc, String schemaFile) {
        if (!(doc.main().orElse(null) instanceof LexRecord)) {
            return;
        }
        String id = doc.id().toString();
        String base = id.substring(0, id.lastIndexOf('.')) + "/" + LexiconFiles.EXAMPLES + "/" + doc.id().name();
        ArrayValue valid = array(base + "-valid.json", schemaFile);
        if (valid != null) {
            for (int i = 0; i < valid.size(); i++) {
                record(valid.get(i), base + "-valid.json", "/" + i).ifPresent(r -> {
                    List<ValidationError> errors = validator.validateRecord(doc.id(), r.record());
                    if (!errors.isEmpty()) {
                        findings.add(Finding.error(r.file(), r.path(), "examples",
                                "a valid example does not validate: " + errors.getFirst().message()));
                    }
                });
            }
        }
        ArrayValue invalid = array(base + "-invalid.json", schemaFile);
        if (invalid != null) {
            for (int i = 0; i < invalid.size(); i++) {
                String path = "/" + i;
                if (!(invalid.get(i) instanceof MapValue item) || !(item.get("record") instanceof MapValue)
                        || item.getString("why").isEmpty() || item.getString("rule").isEmpty()) {
                    findings.add(Finding.error(base + "-invalid.json", path, "examples",
                            "an invalid example must be {\"why\", \"rule\", \"record\"}"));
                    continue;
                }
                if (validator.validateRecord(doc.id(), (MapValue) item.get("record")).isEmpty()) {
                    findings.add(Finding.error(base + "-invalid.json", path + "/record", "examples",
                            "an invalid example validates (" + item.getString("why").orElseThrow() + ")"));
                }
            }
        }
    }

    private record Located(MapValue record, String file, String path) {}

    private java.util.Optional<Located> record(DataValue value, String file, String path) {
        if (value instanceof MapValue m) {
            return java.util.Optional.of(new Located(m, file, path));
        }
        findings.add(Finding.error(file, path, "examples", "an example record must be an object"));
        return java.util.Optional.empty();
    }

    private ArrayValue array(String file, String schemaFile) {
        byte[] json = files.files().get(file);
        if (json == null) {
            findings.add(Finding.error(schemaFile, "/defs/main", "examples", "a record type needs " + file));
            return null;
        }
        try {
            if (DataJson.parse(json) instanceof ArrayValue a) {
                return a;
            }
            findings.add(Finding.error(file, "", "examples", "an example file must hold a JSON array"));
        } catch (InvalidDataException e) {
            findings.add(Finding.error(file, e.path(), "examples", "not valid JSON data: " + e.getMessage()));
        }
        return null;
    }
}
