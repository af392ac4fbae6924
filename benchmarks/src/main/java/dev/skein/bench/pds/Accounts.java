package dev.skein.bench.pds;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.xrpc.client.XrpcClient;
import java.util.Optional;

/** Creates the load generator's accounts, with handles unique to the run. */
final class Accounts {
    private static final Nsid CREATE_ACCOUNT = Nsid.parse("com.atproto.server.createAccount");

    private final XrpcClient xrpc;
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    Accounts(XrpcClient xrpc) {
        this.xrpc = xrpc;
    }

    Account create(String name) throws Exception {
        String handle = "bench-" + name + "-" + run + ".test";
        MapValue out = xrpc.procedure(CREATE_ACCOUNT, MapValue.builder()
                .put("handle", handle).put("email", handle + "@example.com").put("password", "bench-" + run).build(), Optional.empty());
        return new Account(out.getString("did").orElseThrow(), out.getString("accessJwt").orElseThrow());
    }
}
