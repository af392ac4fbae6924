package dev.skein.core.lexicon;

/**
 * A type that describes a value: what object properties, array items and XRPC bodies are made of.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#field-type-definitions">Lexicon: field types</a>.
 */
public sealed interface LexFieldType extends LexSchema
        permits LexNull, LexBoolean, LexInteger, LexString, LexBytes, LexCidLink, LexBlob, LexArray, LexObject,
                LexRef, LexUnion, LexUnknown {
}
