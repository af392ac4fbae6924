package dev.skein.cli.client;

import dev.skein.core.data.MapValue;
import dev.skein.xrpc.client.XrpcClient;
import dev.skein.xrpc.client.XrpcError;
import java.util.Optional;
import java.util.function.Function;

/**
 * Calls a PDS as one account: every call carries the session's access token, and a call answered
 * {@code ExpiredToken} refreshes the session ({@code com.atproto.server.refreshSession}) and is made once more.
 * A refreshed session is written back to the session file when it came from there.
 */
public final class AuthenticatedPds {
    private static final String EXPIRED_TOKEN = "ExpiredToken";

    private final XrpcClient client;
    private final Optional<SessionStore> store;
    private Session session;

    public AuthenticatedPds(XrpcClient client, Session session, Optional<SessionStore> store) {
        this.client = client;
        this.session = session;
        this.store = store;
    }

    /** Logs in with a handle (or DID, or email) and password. */
    public static AuthenticatedPds login(XrpcClient client, String identifier, String password) {
        MapValue answer = client.procedure(Methods.CREATE_SESSION, MapValue.builder()
                .put("identifier", identifier).put("password", password).build(), Optional.empty());
        return new AuthenticatedPds(client, Session.fromAnswer(client.base(), answer), Optional.empty());
    }

    public Session session() {
        return session;
    }

    public XrpcClient client() {
        return client;
    }

    /** Runs {@code call} with the {@code Authorization} header value, refreshing once on {@code ExpiredToken}. */
    public <T> T call(Function<Optional<String>, T> call) {
        try {
            return call.apply(Optional.of("Bearer " + session.accessJwt()));
        } catch (XrpcError e) {
            if (!EXPIRED_TOKEN.equals(e.name())) {
                throw e;
            }
        }
        refresh();
        return call.apply(Optional.of("Bearer " + session.accessJwt()));
    }

    /** Exchanges the refresh token for new tokens. */
    public void refresh() {
        MapValue answer = client.procedure(Methods.REFRESH_SESSION, null, Optional.of("Bearer " + session.refreshJwt()));
        session = Session.fromAnswer(session.pds(), answer);
        store.ifPresent(s -> s.save(session));
    }
}
