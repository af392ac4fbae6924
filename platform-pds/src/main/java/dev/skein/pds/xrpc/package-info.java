/**
 * The PDS's XRPC methods, one class per method in a package that mirrors its NSID
 * ({@code com.atproto.server.CreateSession} serves {@code com.atproto.server.createSession}). Each holds its
 * NSID, says what it needs (HTTP kind, credentials, input) and hands the checked request to a domain
 * service; the dispatcher of {@code xrpc-server} does the rest.
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc">XRPC</a>.
 */
package dev.skein.pds.xrpc;
