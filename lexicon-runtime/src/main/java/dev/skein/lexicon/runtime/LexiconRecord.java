package dev.skein.lexicon.runtime;

import dev.skein.core.syntax.Nsid;

/**
 * A generated record type: what a repository stores in one collection. Its {@link #toValue()} always carries
 * {@code $type}, equal to {@link #collection()}.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#record">Lexicon: record</a>.
 */
public interface LexiconRecord extends LexiconObject {

    /** The NSID of the record type, which is also the collection its records are stored in. */
    Nsid collection();
}
