package dev.skein.cli.client;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.xrpc.client.XrpcError;
import java.net.URI;

/**
 * An account's session on a PDS: who it is and its two tokens. {@link #toString()} leaves the tokens out, so
 * that a session can never be printed or logged by accident.
 */
public record Session(URI pds, Did did, String handle, String accessJwt, String refreshJwt) {
    /** The session a {@code createSession}, {@code createAccount} or {@code refreshSession} answer describes. */
    public static Session fromAnswer(URI pds, MapValue answer) {
        return new Session(pds, Did.parse(answer.getString("did").orElseThrow(() -> missing("did"))),
                answer.getString("handle").orElseThrow(() -> missing("handle")),
                answer.getString("accessJwt").orElseThrow(() -> missing("accessJwt")),
                answer.getString("refreshJwt").orElseThrow(() -> missing("refreshJwt")));
    }

    private static XrpcError missing(String field) {
        return new XrpcError(200, "InvalidResponse", "the session answer has no " + field);
    }

    @Override
    public String toString() {
        return "Session[" + handle + " " + did + " at " + pds + "]";
    }
}
