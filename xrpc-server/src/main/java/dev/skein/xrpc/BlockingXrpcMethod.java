package dev.skein.xrpc;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An {@link XrpcMethod} whose handler blocks (JDBC, file I/O): it runs on Reactor's bounded elastic
 * scheduler, never on a Netty event loop.
 */
public interface BlockingXrpcMethod extends XrpcMethod {

    /** Runs the call on a thread that may block. */
    XrpcResponse call(XrpcRequest request);

    @Override
    default Mono<XrpcResponse> handle(XrpcRequest request) {
        return Mono.fromCallable(() -> call(request)).subscribeOn(Schedulers.boundedElastic());
    }
}
