package dev.skein.core.lexicon;

import java.util.Optional;

/**
 * A Lexicon schema definition of any type. Every definition has a {@code type} and an optional
 * {@code description}; switch over the permitted subtypes with patterns.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#overview-of-types">Lexicon: overview of types</a>.
 */
public sealed interface LexSchema permits LexPrimary, LexFieldType, LexParams, LexToken, LexPermission {

    /** The {@code type} value as written in a schema document, e.g. {@code "cid-link"}. */
    String type();

    Optional<String> description();
}
