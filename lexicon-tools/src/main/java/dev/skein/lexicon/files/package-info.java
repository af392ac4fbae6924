/**
 * A lexicon folder as a set of files, read from disk or from a git revision: the schema files, one per Lexicon
 * at {@code <namespace>/<name>.json}, and the example records in the {@code examples} folders beside them.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#lexicon-files">Lexicon files</a>.
 */
package dev.skein.lexicon.files;
