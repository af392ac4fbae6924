/**
 * Consumers of a relay's streams that deliver record operations only with what was checked about them: the
 * {@code subscribeRepos} consumer ({@link dev.skein.cli.stream.VerifiedRecordStream}) verifies each commit's
 * signature and Sync 1.1 proof, the Jetstream one ({@link dev.skein.cli.stream.JetstreamRecordStream}) cannot;
 * both validate every record with the lexicon validator and bundled catalog the PDS writes with
 * ({@link dev.skein.cli.stream.RecordValidator}), so that every consumer of the stream agrees with the PDS on what
 * a valid record is.
 */
package dev.skein.cli.stream;
