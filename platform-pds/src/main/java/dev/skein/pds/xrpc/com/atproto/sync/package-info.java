/**
 * The {@code com.atproto.sync} methods: how relays and other services read repositories, blobs and the
 * event stream of this PDS.
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync">sync</a>.
 */
package dev.skein.pds.xrpc.com.atproto.sync;
