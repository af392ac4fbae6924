package dev.skein.xrpc;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Serves {@link XrpcSubscription}s over WebSocket on Reactor Netty, with the frame size limit raised from
 * Reactor Netty's 64 KiB to {@link SubscriptionSettings#maxFrameBytes()}. A request that is not a
 * {@code GET} is 405, one without {@code Upgrade: websocket} is 426 (spec: event streams, "Connection").
 */
final class SubscriptionEndpoint {
    private final SubscriptionSettings settings;
    private final WebSocketService sockets;
    private final OpenSockets open = new OpenSockets();

    SubscriptionEndpoint(SubscriptionSettings settings) {
        this.settings = settings;
        HandshakeWebSocketService service = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(settings.maxFrameBytes())));
        service.start();
        this.sockets = service;
    }

    Mono<ServerResponse> handle(XrpcSubscription subscription, XrpcParams params, ServerRequest request) {
        if (!HttpMethod.GET.equals(request.method())) {
            throw new XrpcException(405, "MethodNotAllowed", "Subscriptions are opened with GET");
        }
        String upgrade = request.headers().asHttpHeaders().getFirst(HttpHeaders.UPGRADE);
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            throw new XrpcException(426, "UpgradeRequired", "Subscriptions need a WebSocket upgrade")
                    .withHeader(HttpHeaders.UPGRADE, "websocket");
        }
        SubscriptionRequest call = new SubscriptionRequest(subscription.nsid(), params,
                request.headers().asHttpHeaders(), request.remoteAddress());
        Flux<byte[]> frames = subscription.open(call);
        return sockets.handleRequest(request.exchange(), open.track(session -> stream(session, subscription, call, frames)))
                .then(Mono.empty());
    }

    /** The streams open now, closed with 1001 when the service stops. */
    OpenSockets openSockets() {
        return open;
    }

    private Mono<Void> stream(WebSocketSession session, XrpcSubscription subscription, SubscriptionRequest call,
                              Flux<byte[]> frames) {
        AtomicReference<CloseStatus> close = new AtomicReference<>(CloseStatus.NORMAL);
        Flux<WebSocketMessage> out = ConsumerBuffer.bounded(frames, settings, subscription.pacedByDemand(),
                        () -> subscription.onOverflow(call), close)
                .map(frame -> session.binaryMessage(factory -> factory.wrap(frame)));
        Mono<Void> send = session.send(out).then(Mono.defer(() -> session.close(close.get())));
        // Consumers' frames mean nothing (spec); reading them tells when the consumer goes away.
        Mono<Void> receive = session.receive().doOnNext(WebSocketMessage::release).then();
        return Mono.firstWithSignal(send, receive);
    }
}
