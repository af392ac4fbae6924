/**
 * The relay's XRPC methods, one class per method: {@code sync} holds the {@code com.atproto.sync.*} queries a relay
 * serves and {@code requestCrawl}; {@code admin} the operator's methods (behind the admin credential).
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync">sync</a>; lexicons {@code com.atproto.sync.*},
 * {@code com.atproto.admin.updateSubjectStatus}.
 */
package dev.skein.relay.xrpc;
