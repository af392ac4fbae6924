/**
 * Generates Java types from Lexicon schemas ({@link dev.skein.lexicon.codegen.JavaGenerator}), for the
 * {@code generate} goal of the lexicon Maven plugin. The generated types use {@code lexicon-runtime} to map
 * themselves to and from the data model.
 *
 * <p>The generator first fixes every type's name ({@code TypeIndex}), then plans each Lexicon's types
 * ({@code DocumentPlanner}: records, unions, constants and their unique names), then writes them
 * ({@code SourceRenderer}, {@code ObjectRenderer}, {@code UnionRenderer}) with imports where they are
 * unambiguous and qualified names where not ({@code ImportScope}).
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon">Lexicon</a>.
 */
package dev.skein.lexicon.codegen;
