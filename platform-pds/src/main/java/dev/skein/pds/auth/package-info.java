/**
 * Who calls the PDS: session tokens (HS256 JWTs: access, refresh), app-password scopes, the administrator
 * (HTTP Basic), and inter-service JWTs signed with an account's repo key (ES256K/ES256); the
 * {@link dev.skein.xrpc.XrpcAuth} that checks them for the dispatcher, and the credentials it hands to
 * methods.
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc#authentication">XRPC: authentication</a>.
 */
package dev.skein.pds.auth;
