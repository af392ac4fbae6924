/**
 * {@code com.atproto.sync.*}: the event stream ({@code subscribeRepos}) and the repository reads relays and
 * other services sync from (CAR exports, record proofs, blocks, the list of repositories and their status).
 * None needs credentials; the administrator's are accepted where the reference accepts them, to read
 * repositories that are not active.
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync">sync</a>.
 */
package dev.skein.pds.xrpc.com.atproto.sync;
