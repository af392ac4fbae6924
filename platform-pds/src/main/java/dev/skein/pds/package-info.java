/**
 * The Personal Data Server role: {@link dev.skein.pds.PdsConfiguration} and its settings
 * {@link dev.skein.pds.PdsProperties} ({@code skein.pds.*}).
 *
 * <p>Sub-packages: {@code store} (database), {@code secrets}, {@code account} (accounts and their
 * services), {@code auth} (tokens and credentials), {@code identity} (handles, PLC, DIDs), {@code repo}
 * (repository tables), {@code sequencer} (the event log), {@code sync} (the event stream, repository exports
 * and crawl requests) and {@code xrpc} (one class per XRPC method).
 *
 * <p>Spec: <a href="https://atproto.com/specs/account">account hosting</a>,
 * <a href="https://atproto.com/specs/xrpc">XRPC</a>.
 */
package dev.skein.pds;
