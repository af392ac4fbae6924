package dev.skein.xrpc;

import dev.skein.core.syntax.Nsid;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/**
 * One XRPC query or procedure: its NSID, what it needs (HTTP method, credentials, input) and its handler.
 * The {@link XrpcDispatcher} runs everything around {@link #handle}: the handler receives parameters,
 * credentials and input already checked, and returns its output or throws an {@link XrpcException}.
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc#lexicon-http-endpoints">XRPC: Lexicon HTTP endpoints</a>.
 */
public interface XrpcMethod {

    /** The kinds of XRPC method served over plain HTTP. */
    enum Kind {
        /** Read-only: {@code GET} with URL parameters. */
        QUERY,
        /** Changes state: {@code POST}, usually with a body. */
        PROCEDURE
    }

    /** How a procedure's request body arrives. */
    enum Input {
        /** No body. */
        NONE,
        /** A JSON object ({@code application/json}) read into the data model. */
        JSON,
        /** Raw bytes of any content type (blob uploads, CAR imports). */
        BYTES
    }

    Nsid nsid();

    Kind kind();

    /** The credentials a call must present; none by default. */
    default AuthRequirement auth() {
        return AuthRequirement.NONE;
    }

    /** The body a call carries: a JSON object for procedures, nothing for queries, by default. */
    default Input input() {
        return kind() == Kind.PROCEDURE ? Input.JSON : Input.NONE;
    }

    /** The largest body this method accepts; empty for the dispatcher's default of its {@link #input()}. */
    default OptionalLong maxInputBytes() {
        return OptionalLong.empty();
    }

    /** Runs the call; errors are {@link XrpcException}s, anything else becomes a 500 without details. */
    Mono<XrpcResponse> handle(XrpcRequest request);
}
