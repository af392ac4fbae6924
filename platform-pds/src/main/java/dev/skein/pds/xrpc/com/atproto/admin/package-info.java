/** {@code com.atproto.admin.*}: the administrator's account views, takedowns and deletions ({@code Basic admin:<password>}). */
package dev.skein.pds.xrpc.com.atproto.admin;
