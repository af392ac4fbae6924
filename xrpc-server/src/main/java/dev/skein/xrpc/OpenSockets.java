package dev.skein.xrpc;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The WebSocket streams a service has open, so that shutting down ends each with a close frame
 * {@code 1001 Going Away} (RFC 6455) instead of a dropped TCP connection: a firehose consumer then knows the
 * server left on purpose and reconnects with its cursor, where a broken connection looks like a network fault.
 *
 * <p>As a {@link SmartLifecycle} bean in the default phase it stops before the web server's graceful shutdown
 * (which waits for open requests, and would otherwise wait out its whole timeout on streams that never end).
 * A stream that opens while or after stopping is closed the same way at once.
 */
public final class OpenSockets implements SmartLifecycle {
    /** How long stopping waits for the close frames to be written. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean closing;

    /** {@code handler} with its sessions tracked. */
    public WebSocketHandler track(WebSocketHandler handler) {
        return new WebSocketHandler() {
            @Override
            public Mono<Void> handle(WebSocketSession session) {
                if (closing) {
                    return session.close(CloseStatus.GOING_AWAY);
                }
                open.add(session);
                return handler.handle(session).doFinally(signal -> open.remove(session));
            }

            @Override
            public List<String> getSubProtocols() {
                return handler.getSubProtocols();
            }
        };
    }

    /** How many streams are open now. */
    public int count() {
        return open.size();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        closing = true;
        Flux.fromIterable(Set.copyOf(open))
                .flatMap(s -> s.close(CloseStatus.GOING_AWAY).onErrorComplete())
                .then()
                .block(CLOSE_WAIT);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
