/**
 * The relay operator's methods: {@code com.atproto.admin.updateSubjectStatus} (take an account down here, or lift
 * it) and the relay's own {@code dev.skein.relay.admin.*} host methods (ban, unban, limits).
 */
package dev.skein.relay.xrpc.admin;
