/**
 * {@code com.atproto.sync.*} as a relay serves them: {@code listRepos}, {@code getLatestCommit},
 * {@code getRepoStatus}, {@code getRepo} (a redirect to the account's PDS), {@code listHosts},
 * {@code getHostStatus} and {@code requestCrawl}.
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync">sync</a>.
 */
package dev.skein.relay.xrpc.sync;
