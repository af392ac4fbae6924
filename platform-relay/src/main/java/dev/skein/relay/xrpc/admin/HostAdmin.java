package dev.skein.relay.xrpc.admin;

import dev.skein.core.data.DataValue;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.relay.host.Host;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;

/**
 * What the relay's own host methods ({@code dev.skein.relay.admin.*}) share: they are procedures behind the admin
 * credential, and, having no published lexicon, are served without schema validation, so they check their input
 * here.
 */
abstract class HostAdmin implements BlockingXrpcMethod {
    private final Nsid nsid;

    HostAdmin(String nsid) {
        this.nsid = Nsid.parse(nsid);
    }

    @Override
    public final Nsid nsid() {
        return nsid;
    }

    @Override
    public final Kind kind() {
        return Kind.PROCEDURE;
    }

    @Override
    public final AuthRequirement auth() {
        return AuthRequirement.ADMIN;
    }

    /** The input's {@code hostname}. */
    static Host host(XrpcRequest request) {
        String hostname = string(request.body(), "hostname");
        try {
            return Host.parse(hostname);
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest("hostname: " + e.getMessage());
        }
    }

    /** A required, non-empty string of the input. */
    static String string(MapValue body, String field) {
        if (body.get(field) instanceof StringValue s && !s.value().isEmpty()) {
            return s.value();
        }
        throw XrpcException.invalidRequest("Input must have the property \"" + field + "\"");
    }

    /** An integer of the input, if it is there and one; {@code null} otherwise. */
    static Long integer(MapValue body, String field) {
        DataValue v = body.get(field);
        return v instanceof IntValue i ? i.value() : null;
    }
}
