/**
 * The lexicon linter: checks a lexicon folder ({@link dev.skein.lexicon.lint.LexiconLinter}) and reports
 * {@link dev.skein.lexicon.lint.Finding}s; {@link dev.skein.lexicon.lint.LintCommand} is the
 * {@code lexicon-lint} command line.
 *
 * <p>Every file is checked for the schema language's rules, its path and its references. The project's
 * conventions (names, {@code createdAt}, limits, examples) apply to the namespaces the configuration names
 * ({@code agent.} by default), not to the published {@code com.atproto} and {@code app.bsky} schemas kept beside
 * them. Against a previous version (a git revision or a folder), changed schemas are checked for backward
 * compatibility under the spec's evolution rules.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#lexicon-evolution">Lexicon evolution</a>.
 */
package dev.skein.lexicon.lint;
