package dev.skein.lexicon.codegen;

/** The Java type of a field, as the generator plans it. */
sealed interface FieldType {

    /**
     * A type of the JDK, atproto-core or the runtime, read and written by a {@code FieldCodec} constant.
     *
     * @param qualifiedName the boxed type
     * @param primitive the primitive type for a required field ({@code long}, {@code boolean}), or null
     * @param codec the name of the {@code FieldCodec} constant
     */
    record Builtin(String qualifiedName, String primitive, String codec) implements FieldType {}

    /** A {@code List} of items of one type. */
    record ListOf(FieldType items) implements FieldType {}

    /** A generated object, record or union. */
    record Generated(GenRef ref) implements FieldType {}
}
