package dev.skein.pds.auth;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.pds.account.AccountStatus;
import dev.skein.pds.account.AccountStore;
import dev.skein.xrpc.AdminCredential;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.Credentials;
import dev.skein.xrpc.XrpcAuth;
import dev.skein.xrpc.XrpcException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The PDS's credential checks for the XRPC dispatcher.
 *
 * <p>Session tokens come as {@code Authorization: Bearer <jwt>}: no header is 401 {@code AuthMissing};
 * another scheme, a bad signature, the wrong kind of token or scope is 400 {@code InvalidToken}; an expired
 * token 400 {@code ExpiredToken}, which makes {@code @atproto/api} refresh its session. A token of a
 * taken-down account is 400 {@code AccountTakedown}; of a deleted or unknown one 400 {@code InvalidToken}.
 * The administrator sends {@code Basic base64("admin:<password>")}; anything else is 401
 * {@code AuthenticationRequired}. Service JWTs are checked by {@link ServiceJwt}.
 *
 * <p>A session token that passes is accepted on the calling thread when the account's status is cached
 * ({@link AccountStore#status}), so that most calls neither read the database nor change threads to be
 * authenticated.
 */
public final class PdsAuth implements XrpcAuth {
    private static final Set<AuthScope> ANY_ACCESS = EnumSet.of(AuthScope.ACCESS, AuthScope.APP_PASS, AuthScope.APP_PASS_PRIVILEGED);
    private static final Set<AuthScope> PRIVILEGED = EnumSet.of(AuthScope.ACCESS, AuthScope.APP_PASS_PRIVILEGED);
    private static final Set<AuthScope> FULL = EnumSet.of(AuthScope.ACCESS);

    private final SessionJwt sessions;
    private final ServiceJwt services;
    private final AccountStore accounts;
    private final AdminCredential admin;
    private final Clock clock;

    public PdsAuth(SessionJwt sessions, ServiceJwt services, AccountStore accounts, AdminCredential admin, Clock clock) {
        this.sessions = sessions;
        this.services = services;
        this.accounts = accounts;
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    public Mono<Credentials> authenticate(Nsid method, AuthRequirement requirement, HttpHeaders headers) {
        String header = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return switch (requirement) {
            case NONE -> Mono.just(Credentials.ANONYMOUS);
            case OPTIONAL_ADMIN -> header != null && AdminCredential.isBasic(header)
                    ? adminCheck(header) : Mono.just(Credentials.ANONYMOUS);
            case ADMIN -> header == null ? Mono.error(missing("Basic")) : adminCheck(header);
            case SERVICE -> header == null
                    ? Mono.error(missing("Bearer"))
                    : Mono.<Credentials>fromCallable(() -> services.verify(bearerToken(header), method))
                            .subscribeOn(Schedulers.boundedElastic());
            default -> header == null ? Mono.error(missing("Bearer")) : Mono.defer(() -> session(requirement, header));
        };
    }

    /**
     * A session token's check. When the token's signature and claims pass and {@link AccountStore#cachedStatus}
     * has the account's status, which is the common case, the credentials are given in the caller's thread: an
     * HMAC, no I/O. Otherwise the check runs again off the event loop, reading the status from the database if
     * need be, and its answer, refusal or not, comes from there.
     */
    private Mono<Credentials> session(AuthRequirement requirement, String header) {
        Optional<Credentials> fast = usableWithCachedStatus(requirement, header);
        if (fast.isPresent()) {
            return Mono.just(fast.get());
        }
        return Mono.fromCallable(() -> {
            Session session = claims(requirement, header);
            requireUsable(accounts.status(session.subject()));
            return session.credentials();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The credentials if the token passes and the account's cached status allows them; empty otherwise. */
    private Optional<Credentials> usableWithCachedStatus(AuthRequirement requirement, String header) {
        Session session;
        try {
            session = claims(requirement, header);
        } catch (XrpcException e) {
            return Optional.empty();
        }
        return accounts.cachedStatus(session.subject()).filter(PdsAuth::usable).map(s -> session.credentials());
    }

    /** The token's claims checked for {@code requirement} (signature, kind, expiry, scope). */
    private Session claims(AuthRequirement requirement, String header) {
        String token = bearerToken(header);
        return switch (requirement) {
            case ACCESS -> access(token, ANY_ACCESS);
            case ACCESS_PRIVILEGED -> access(token, PRIVILEGED);
            case ACCESS_FULL -> access(token, FULL);
            case REFRESH -> refresh(token, false);
            case REFRESH_ALLOW_EXPIRED -> refresh(token, true);
            case NONE, OPTIONAL_ADMIN, ADMIN, SERVICE ->
                    throw new IllegalStateException("not a session requirement: " + requirement);
        };
    }

    /** A session token whose claims passed: the account it is for, and the credentials it gives once that is usable. */
    private record Session(Did subject, Credentials credentials) {}

    private static String bearerToken(String header) {
        if (!scheme(header).equals("bearer")) {
            throw SessionJwt.invalid("Unexpected authorization type");
        }
        return header.substring(header.indexOf(' ') + 1).strip();
    }

    private Session access(String token, Set<AuthScope> allowed) {
        SessionJwt.Claims claims = sessions.verify(token, SessionJwt.ACCESS_TYP, clock.instant(), false);
        if (!allowed.contains(claims.scope())) {
            throw SessionJwt.invalid("Bad token scope");
        }
        return new Session(claims.subject(), new AccessCredentials(claims.subject(), claims.scope()));
    }

    private Session refresh(String token, boolean allowExpired) {
        SessionJwt.Claims claims = sessions.verify(token, SessionJwt.REFRESH_TYP, clock.instant(), allowExpired);
        if (claims.scope() != AuthScope.REFRESH) {
            throw SessionJwt.invalid("Bad token scope");
        }
        String jti = claims.jti().orElseThrow(() -> SessionJwt.invalid("Unexpected missing refresh token id"));
        return new Session(claims.subject(), new RefreshCredentials(claims.subject(), jti));
    }

    private static boolean usable(AccountStatus status) {
        return status != AccountStatus.DELETED && status != AccountStatus.TAKENDOWN;
    }

    private static void requireUsable(Optional<AccountStatus> status) {
        if (status.isEmpty() || status.get() == AccountStatus.DELETED) {
            throw SessionJwt.invalid("Account not found");
        }
        if (status.get() == AccountStatus.TAKENDOWN) {
            throw XrpcException.badRequest("AccountTakedown", "Account has been taken down");
        }
    }

    /** The password hash is slow on purpose: checked off the event loop. */
    private Mono<Credentials> adminCheck(String header) {
        return admin.check(header, AdminCredentials.INSTANCE,
                () -> XrpcException.unauthorized("AuthenticationRequired", "Admin credentials required", "Basic"));
    }

    private static String scheme(String header) {
        int space = header.indexOf(' ');
        return (space < 0 ? header : header.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    private static XrpcException missing(String scheme) {
        return XrpcException.unauthorized("AuthMissing", "Authentication Required", scheme);
    }
}
