package dev.skein.core.lexicon;

/** The Lexicon rule a value broke; {@link #specName()} is the schema field or concept it comes from. */
public enum ValidationRule {
    /** The value is of the wrong data-model type (a string where an integer belongs, …). */
    TYPE("type"),
    /** A property listed in {@code required} is absent. */
    REQUIRED("required"),
    /** A property is null but not listed in {@code nullable}. */
    NULLABLE("nullable"),
    CONST("const"),
    ENUM("enum"),
    MINIMUM("minimum"),
    MAXIMUM("maximum"),
    /** Too short: UTF-8 bytes for a string, bytes for bytes, elements for an array. */
    MIN_LENGTH("minLength"),
    /** Too long: UTF-8 bytes for a string, bytes for bytes, elements for an array. */
    MAX_LENGTH("maxLength"),
    MIN_GRAPHEMES("minGraphemes"),
    MAX_GRAPHEMES("maxGraphemes"),
    /** A string does not match its {@code format}. */
    FORMAT("format"),
    /** A blob's MIME type is not in {@code accept}. */
    ACCEPT("accept"),
    /** A blob is larger than {@code maxSize}. */
    MAX_SIZE("maxSize"),
    /** An object that says it is a blob has the wrong shape, or a value that must be a blob is not one. */
    BLOB("blob"),
    /** A union value without a valid {@code $type}. */
    UNION_TYPE("$type"),
    /** A closed union value whose {@code $type} is not one of its refs. */
    CLOSED_UNION("closed"),
    /** A record whose {@code $type} is not its collection. */
    RECORD_TYPE("record"),
    /** A record key the collection's {@code key} type does not allow. */
    RECORD_KEY("key"),
    /** The schema refers to a definition the catalog does not have, or one that can not describe data. */
    UNRESOLVED_REF("ref"),
    /** Content that is not valid atproto data (e.g. a malformed blob nested in an {@code unknown}). */
    DATA_MODEL("data-model");

    private final String specName;

    ValidationRule(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }
}
