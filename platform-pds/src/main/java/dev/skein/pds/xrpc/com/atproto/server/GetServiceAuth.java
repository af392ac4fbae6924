package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.SigningKeys;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.pds.auth.AuthScope;
import dev.skein.pds.auth.ServiceJwt;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.server.getServiceAuth}: a service JWT signed with the account's key, for the service
 * {@code aud}, good for the method {@code lxm}.
 *
 * <p>Rules of the reference PDS: {@code exp} (Unix seconds) may not be past, nor more than an hour ahead,
 * nor more than a minute ahead without {@code lxm} ({@code BadExpiration}); the default is a minute.
 * Tokens for account-management methods are refused, and an app-password session that is not privileged
 * cannot get one for the privileged methods.
 */
@Component
public final class GetServiceAuth implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.GET_SERVICE_AUTH;
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(1);
    static final Duration MAX_LIFETIME = Duration.ofHours(1);
    /** Methods no service token may be minted for: they manage the account itself. */
    static final Set<String> PROTECTED = Set.of(
            ComAtproto.Admin.SEND_EMAIL.value(),
            ComAtproto.Identity.REQUEST_PLC_OPERATION_SIGNATURE.value(),
            ComAtproto.Identity.SIGN_PLC_OPERATION.value(),
            ComAtproto.Identity.UPDATE_HANDLE.value(),
            ComAtproto.Server.ACTIVATE_ACCOUNT.value(),
            ComAtproto.Server.CONFIRM_EMAIL.value(),
            ComAtproto.Server.CREATE_APP_PASSWORD.value(),
            ComAtproto.Server.DEACTIVATE_ACCOUNT.value(),
            ComAtproto.Server.GET_ACCOUNT_INVITE_CODES.value(),
            ComAtproto.Server.GET_SESSION.value(),
            ComAtproto.Server.LIST_APP_PASSWORDS.value(),
            ComAtproto.Server.REQUEST_ACCOUNT_DELETE.value(),
            ComAtproto.Server.REQUEST_EMAIL_CONFIRMATION.value(),
            ComAtproto.Server.REQUEST_EMAIL_UPDATE.value(),
            ComAtproto.Server.REVOKE_APP_PASSWORD.value(),
            ComAtproto.Server.UPDATE_EMAIL.value());
    /** Methods an unprivileged app-password session may not get a token for. */
    static final Set<String> PRIVILEGED = Set.of(ComAtproto.Server.CREATE_ACCOUNT.value());

    private final SigningKeys keys;
    private final Clock clock;

    public GetServiceAuth(SigningKeys keys, ObjectProvider<Clock> clock) {
        this.keys = keys;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Nsid nsid() {
        return NSID;
    }

    @Override
    public Kind kind() {
        return Kind.QUERY;
    }

    @Override
    public AuthRequirement auth() {
        return AuthRequirement.ACCESS;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        AccessCredentials who = request.credentials(AccessCredentials.class);
        String aud = request.params().requireString("aud");
        checkAudience(aud);
        Optional<Nsid> lxm = request.params().string("lxm").map(Nsid::parse);
        Instant now = clock.instant();
        Instant exp = request.params().integer("exp").map(Instant::ofEpochSecond).orElse(now.plus(DEFAULT_LIFETIME));
        if (exp.isBefore(now)) {
            throw XrpcException.badRequest("BadExpiration", "expiration is in past");
        }
        if (Duration.between(now, exp).compareTo(MAX_LIFETIME) > 0) {
            throw XrpcException.badRequest("BadExpiration", "cannot request a token with an expiration more than an hour in the future");
        }
        if (lxm.isEmpty() && Duration.between(now, exp).compareTo(DEFAULT_LIFETIME) > 0) {
            throw XrpcException.badRequest("BadExpiration",
                    "cannot request a method-less token with an expiration more than a minute in the future");
        }
        if (lxm.isPresent() && PROTECTED.contains(lxm.get().value())) {
            throw XrpcException.invalidRequest("cannot request a service auth token for the following protected method: " + lxm.get());
        }
        if (lxm.isPresent() && who.scope() == AuthScope.APP_PASS && PRIVILEGED.contains(lxm.get().value())) {
            throw XrpcException.invalidRequest("insufficient access to request a service auth token for the following method: " + lxm.get());
        }
        String token = ServiceJwt.mint(keys.load(who.did()), who.did(), aud, lxm, now, exp);
        return XrpcResponse.json(MapValue.builder().put("token", token).build());
    }

    private static void checkAudience(String aud) {
        int hash = aud.indexOf('#');
        try {
            Did.parse(hash < 0 ? aud : aud.substring(0, hash));
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest("aud must be a DID, optionally with a #service fragment: " + aud);
        }
        if (hash >= 0 && hash == aud.length() - 1) {
            throw XrpcException.invalidRequest("aud has an empty service fragment: " + aud);
        }
    }
}
