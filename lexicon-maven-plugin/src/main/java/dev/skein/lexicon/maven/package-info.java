/**
 * The lexicon Maven plugin: {@code generate} turns a lexicon folder into Java sources for the build
 * ({@link dev.skein.lexicon.maven.GenerateMojo}), {@code lint} fails the build on lexicon lint errors
 * ({@link dev.skein.lexicon.maven.LintMojo}).
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon">Lexicon</a>.
 */
package dev.skein.lexicon.maven;
