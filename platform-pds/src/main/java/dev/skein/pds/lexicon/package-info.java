/**
 * Publishing the platform's own Lexicons as {@code com.atproto.lexicon.schema} records, in the repository of a
 * lexicon-authority account on this PDS, so that any atproto implementation can resolve them with
 * {@code com.atproto.repo.getRecord}. The publisher is a client of the PDS's XRPC API like any other, so the
 * same code works whether the PDS runs alone or beside the other roles.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#lexicon-publication-and-resolution">Lexicon publication
 * and resolution</a>.
 */
package dev.skein.pds.lexicon;
