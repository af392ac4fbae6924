/** {@code com.atproto.identity.*}: handle resolution and changes, and the DID credentials an account needs here. */
package dev.skein.pds.xrpc.com.atproto.identity;
