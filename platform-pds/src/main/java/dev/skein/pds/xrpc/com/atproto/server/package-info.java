/** {@code com.atproto.server.*}: the server description, accounts, sessions, app passwords and service auth. */
package dev.skein.pds.xrpc.com.atproto.server;
