package dev.skein.core.lexicon;

/**
 * A primary definition: at most one per document, always named {@code main}.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#primary-type-definitions">Lexicon: primary types</a>.
 */
public sealed interface LexPrimary extends LexSchema
        permits LexRecord, LexQuery, LexProcedure, LexSubscription, LexPermissionSet {
}
