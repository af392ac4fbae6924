package dev.skein.pds.auth;

import dev.skein.core.syntax.Did;
import dev.skein.pds.PdsProperties;
import dev.skein.pds.account.AppPasswordStore;
import dev.skein.pds.secrets.Tokens;
import dev.skein.xrpc.XrpcException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Issues, rotates and revokes sessions. Call inside a write transaction.
 *
 * <p>Rotation follows the reference PDS: using a refresh token gives a new pair whose refresh token has a
 * new id; the used token stays valid for the grace period (its expiry is cut to it), and using it again
 * within that time gives a token with the same new id, so a client that lost the answer to a refresh can
 * retry. A token that was deleted (logged out, revoked) or has run out is 400 {@code ExpiredToken}
 * "Token has been revoked".
 */
public final class SessionTokens {
    /** A session's token pair, and the scope of its access token. */
    public record Session(String accessJwt, String refreshJwt, AuthScope scope) {}

    private final SessionJwt jwt;
    private final RefreshTokenStore refreshTokens;
    private final AppPasswordStore appPasswords;
    private final PdsProperties.Sessions lifetimes;
    private final Clock clock;

    public SessionTokens(SessionJwt jwt, RefreshTokenStore refreshTokens, AppPasswordStore appPasswords,
                         PdsProperties.Sessions lifetimes, Clock clock) {
        this.jwt = jwt;
        this.refreshTokens = refreshTokens;
        this.appPasswords = appPasswords;
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    /** A new session for {@code did}; {@code appPassword} names the app password it logged in with, if any. */
    public Session create(Did did, Optional<AppPasswordStore.Stored> appPassword) {
        String id = newId();
        Instant now = clock.instant();
        Session session = tokens(did, scope(appPassword), id, now);
        refreshTokens.insert(id, did, now.plus(lifetimes.refreshLifetime()), appPassword.map(AppPasswordStore.Stored::name));
        return session;
    }

    /** The next pair for a refresh token (see the class comment). */
    public Session rotate(RefreshCredentials used) {
        Instant now = clock.instant();
        RefreshTokenStore.Row row = refreshTokens.lock(used.tokenId())
                .filter(r -> r.did().equals(used.did()))
                .orElseThrow(SessionTokens::revoked);
        refreshTokens.deleteExpired(row.did(), now);
        Instant graceEnd = min(now.plus(lifetimes.refreshGrace()), row.expiresAt());
        if (!graceEnd.isAfter(now)) {
            throw revoked();
        }
        Optional<AppPasswordStore.Stored> appPassword = Optional.empty();
        if (row.appPasswordName().isPresent()) {
            appPassword = appPasswords.stored(row.did()).stream()
                    .filter(p -> p.name().equals(row.appPasswordName().get())).findFirst();
            if (appPassword.isEmpty()) {
                throw revoked();
            }
        }
        String nextId = row.nextId().orElseGet(SessionTokens::newId);
        Session session = tokens(row.did(), scope(appPassword), nextId, now);
        refreshTokens.markUsed(row.id(), nextId, graceEnd);
        if (!refreshTokens.exists(nextId)) {
            refreshTokens.insert(nextId, row.did(), now.plus(lifetimes.refreshLifetime()), row.appPasswordName());
        }
        return session;
    }

    /** Revokes a refresh token; whether it was still there. */
    public boolean revoke(String tokenId) {
        return refreshTokens.delete(tokenId);
    }

    /** Revokes every session of an account. */
    public void revokeAll(Did did) {
        refreshTokens.deleteAll(did);
    }

    private Session tokens(Did did, AuthScope scope, String refreshId, Instant now) {
        String access = jwt.sign(SessionJwt.ACCESS_TYP, did, scope, now, now.plus(lifetimes.accessLifetime()), Optional.empty());
        String refresh = jwt.sign(SessionJwt.REFRESH_TYP, did, AuthScope.REFRESH, now, now.plus(lifetimes.refreshLifetime()),
                Optional.of(refreshId));
        return new Session(access, refresh, scope);
    }

    private static AuthScope scope(Optional<AppPasswordStore.Stored> appPassword) {
        return appPassword.map(p -> p.privileged() ? AuthScope.APP_PASS_PRIVILEGED : AuthScope.APP_PASS)
                .orElse(AuthScope.ACCESS);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String newId() {
        return Tokens.random(32);
    }

    private static XrpcException revoked() {
        return XrpcException.badRequest("ExpiredToken", "Token has been revoked");
    }
}
