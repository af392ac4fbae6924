package dev.skein.relay.web;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.InvalidSyntaxException;
import java.util.Optional;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Reads XRPC query parameters, answering {@code InvalidRequest} for missing or malformed ones. */
public final class Params {
    private Params() {}

    public static String required(ServerRequest r, String name) {
        return r.queryParam(name).filter(s -> !s.isEmpty())
                .orElseThrow(() -> XrpcError.invalidRequest("Error: Params must have the property \"" + name + "\""));
    }

    public static Optional<String> optional(ServerRequest r, String name) {
        return r.queryParam(name).filter(s -> !s.isEmpty());
    }

    public static Did did(ServerRequest r, String name) {
        String s = required(r, name);
        try {
            return Did.parse(s);
        } catch (InvalidSyntaxException e) {
            throw XrpcError.invalidRequest(name + " must be a valid did");
        }
    }

    /** An integer in {@code [min, max]}, or {@code dflt} when absent. */
    public static int limit(ServerRequest r, String name, int min, int max, int dflt) {
        Optional<String> s = optional(r, name);
        if (s.isEmpty()) {
            return dflt;
        }
        int v;
        try {
            v = Integer.parseInt(s.get());
        } catch (NumberFormatException e) {
            throw XrpcError.invalidRequest(name + " must be an integer");
        }
        if (v < min || v > max) {
            throw XrpcError.invalidRequest(name + " must be between " + min + " and " + max);
        }
        return v;
    }
}
