/**
 * The atproto identifiers and Lexicon string formats as validated value types.
 *
 * <p>Each type is a record whose constructor checks the syntax and throws {@link
 * dev.skein.core.syntax.InvalidSyntaxException}, so holding one means the string is valid; {@code toString()}
 * returns the string exactly as written. The rules follow the specs and are checked against every line of the
 * shared interop vectors ({@code atproto-interop-tests/syntax}). Matching is done by hand-written linear scanners,
 * never backtracking regexes, so hostile input of any length costs time proportional to the length limits.
 *
 * <ul>
 *   <li>{@link dev.skein.core.syntax.Did}: https://atproto.com/specs/did</li>
 *   <li>{@link dev.skein.core.syntax.Handle}: https://atproto.com/specs/handle</li>
 *   <li>{@link dev.skein.core.syntax.AtIdentifier}: https://atproto.com/specs/lexicon#at-identifier</li>
 *   <li>{@link dev.skein.core.syntax.Nsid}: https://atproto.com/specs/nsid</li>
 *   <li>{@link dev.skein.core.syntax.Tid}, {@link dev.skein.core.syntax.TidClock}: https://atproto.com/specs/tid</li>
 *   <li>{@link dev.skein.core.syntax.RecordKey}: https://atproto.com/specs/record-key</li>
 *   <li>{@link dev.skein.core.syntax.AtUri}: https://atproto.com/specs/at-uri-scheme</li>
 *   <li>{@link dev.skein.core.syntax.Datetime}: https://atproto.com/specs/lexicon#datetime</li>
 *   <li>{@link dev.skein.core.syntax.LanguageTag}: https://atproto.com/specs/lexicon#language</li>
 *   <li>{@link dev.skein.core.syntax.Uri}: https://atproto.com/specs/lexicon#uri</li>
 * </ul>
 *
 * <p>Where the spec prose and the interop vectors disagree, the vectors win, because they are what the
 * reference implementations agree on; each such case is noted on the type (e.g. the NSID authority length).
 */
package dev.skein.core.syntax;
