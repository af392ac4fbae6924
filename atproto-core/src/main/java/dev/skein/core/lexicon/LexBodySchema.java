package dev.skein.core.lexicon;

/** What the {@code schema} of an XRPC input or output body may be: an object, a ref or a union of refs. */
public sealed interface LexBodySchema permits LexObject, LexRef, LexUnion {

    /** The same schema seen as a field type, for validation. */
    default LexFieldType asFieldType() {
        return (LexFieldType) this;
    }
}
