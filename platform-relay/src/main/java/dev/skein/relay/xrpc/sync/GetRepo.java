package dev.skein.relay.xrpc.sync;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.ingest.AccountState;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code com.atproto.sync.getRepo}: the relay does not keep repositories; it redirects to the account's PDS, as the
 * sync spec lets an upstream do, so that consumers resynchronising ask their relay first.
 */
public final class GetRepo implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.GET_REPO;
    private final Relay relay;

    public GetRepo(Relay relay) {
        this.relay = relay;
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
    public XrpcResponse call(XrpcRequest request) {
        Did did = Repos.did(request);
        Optional<String> since = request.params().string("since");
        AccountState s = Repos.available(relay, did);
        String q = "?did=" + URLEncoder.encode(did.value(), StandardCharsets.UTF_8)
                + since.map(v -> "&since=" + URLEncoder.encode(v, StandardCharsets.UTF_8)).orElse("");
        return XrpcResponse.redirect(relay.hosts().baseUrl(s.host()).resolve("/xrpc/" + NSID.value() + q));
    }
}
