package dev.skein.relay.xrpc.admin;

import dev.skein.relay.host.Host;
import dev.skein.relay.web.JsonBodies;
import dev.skein.relay.web.XrpcError;
import tools.jackson.databind.JsonNode;

/** The {@code hostname} of an admin host method's input. */
final class HostAdmin {
    private HostAdmin() {}

    static Host host(JsonNode body) {
        String hostname = JsonBodies.string(body, "hostname");
        try {
            return Host.parse(hostname);
        } catch (IllegalArgumentException e) {
            throw XrpcError.invalidRequest("hostname: " + e.getMessage());
        }
    }
}
