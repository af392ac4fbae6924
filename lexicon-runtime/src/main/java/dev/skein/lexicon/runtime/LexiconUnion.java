package dev.skein.lexicon.runtime;

/**
 * One variant of a generated union: a known variant wraps the generated type it names, and in an open union an
 * {@code Unknown} variant keeps the data of a type this code was not generated for.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#union">Lexicon: union</a>.
 */
public interface LexiconUnion extends LexiconObject {

    /** The {@code $type} of this variant, e.g. {@code agent.comms.defs#textPart}. */
    String type();
}
