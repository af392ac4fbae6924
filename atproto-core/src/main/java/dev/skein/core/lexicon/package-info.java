/**
 * Lexicon, atproto's schema language: the schema model, a catalog of schema documents, and validation of
 * records and other data-model values against it.
 *
 * <ul>
 *   <li>The model is one sealed hierarchy, {@link dev.skein.core.lexicon.LexSchema}: the primary types
 *       ({@link dev.skein.core.lexicon.LexPrimary}: record, query, procedure, subscription, permission-set),
 *       the field types ({@link dev.skein.core.lexicon.LexFieldType}), and the sub-types that only appear in
 *       one place (params, permission, token).</li>
 *   <li>{@link dev.skein.core.lexicon.LexiconParser} reads a schema document strictly: every rule it checks
 *       fails with a {@link dev.skein.core.lexicon.LexiconException} naming the path and the rule. Unknown keys
 *       are ignored, as the reference implementations do, so newer documents still load.</li>
 *   <li>{@link dev.skein.core.lexicon.LexiconCatalog} holds documents by NSID, resolves refs and loads from a
 *       folder or the classpath.</li>
 *   <li>{@link dev.skein.core.lexicon.LexiconValidator} validates records, XRPC bodies, subscription messages
 *       and query parameters, reporting every {@link dev.skein.core.lexicon.ValidationError} it finds.</li>
 * </ul>
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon">Lexicon</a>.
 */
package dev.skein.core.lexicon;
