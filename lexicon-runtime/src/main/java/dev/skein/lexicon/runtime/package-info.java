/**
 * Run-time support for the Java types generated from Lexicon schemas (by {@code lexicon-tools}' generator): each
 * generated record turns into a data-model {@link dev.skein.core.data.MapValue} with {@code toValue()} and back
 * with {@code fromValue(MapValue)}, so {@link dev.skein.core.data.DataJson} and {@link dev.skein.core.data.Drisl}
 * give it its JSON and DRISL (DAG-CBOR) forms.
 *
 * <ul>
 *   <li>{@link dev.skein.lexicon.runtime.LexiconObject}, {@link dev.skein.lexicon.runtime.LexiconRecord} and
 *       {@link dev.skein.lexicon.runtime.LexiconUnion} are what generated types implement.</li>
 *   <li>{@link dev.skein.lexicon.runtime.FieldCodec} maps one Lexicon field type to its Java type and back;
 *       {@link dev.skein.lexicon.runtime.ObjectReader} and {@link dev.skein.lexicon.runtime.ObjectWriter} read and
 *       write an object's fields with them; {@link dev.skein.lexicon.runtime.Variants} handles union
 *       {@code $type}s.</li>
 *   <li>Reading checks the shape of the data (required fields, kinds, string formats, {@code $type}) and throws
 *       {@link dev.skein.lexicon.runtime.LexiconDataException} with a JSON-pointer path. Constraints such as
 *       {@code maxLength}, {@code maxGraphemes}, ranges and {@code enum} are the
 *       {@link dev.skein.core.lexicon.LexiconValidator}'s job: validate before trusting a value.</li>
 * </ul>
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon">Lexicon</a>,
 * <a href="https://atproto.com/specs/data-model">data model</a>.
 */
package dev.skein.lexicon.runtime;
