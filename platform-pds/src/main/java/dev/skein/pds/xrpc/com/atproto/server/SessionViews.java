package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.data.MapValue;
import dev.skein.pds.account.Account;
import dev.skein.pds.auth.AuthScope;
import dev.skein.pds.auth.SessionTokens;

/**
 * The session objects createSession, refreshSession and getSession answer with. The email address is shown
 * to full sessions only, not to app-password ones; {@code didDoc} is left out, as by the reference PDS's
 * default, so clients keep talking to the URL they logged in at.
 */
final class SessionViews {
    private SessionViews() {}

    static MapValue session(Account account, SessionTokens.Session tokens) {
        MapValue.Builder b = MapValue.builder()
                .put("accessJwt", tokens.accessJwt())
                .put("refreshJwt", tokens.refreshJwt());
        return account(b, account, tokens.scope()).build();
    }

    static MapValue.Builder account(MapValue.Builder b, Account account, AuthScope scope) {
        b.put("handle", account.handleOrInvalid().value()).put("did", account.did().value());
        if (scope == AuthScope.ACCESS) {
            account.email().ifPresent(e -> b.put("email", e).put("emailConfirmed", false));
        }
        b.put("active", account.status().active());
        account.status().eventStatus().ifPresent(s -> b.put("status", s));
        return b;
    }
}
