package dev.skein.relay.web;

import dev.skein.core.firehose.ErrorFrame;
import dev.skein.relay.stream.SubscribeRepos;
import java.time.Duration;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /xrpc/com.atproto.sync.subscribeRepos}: frames as binary WebSocket messages; what the client sends is
 * ignored. After the last frame (an error frame, or {@code ConsumerTooSlow}) the connection is closed, at the
 * latest {@link #CLOSE_GRACE} later if the client does not read.
 */
public final class SubscribeReposSocket implements WebSocketHandler {
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final SubscribeRepos stream;

    public SubscribeReposSocket(SubscribeRepos stream) {
        this.stream = stream;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String cursorText = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri()).build()
                .getQueryParams().getFirst("cursor");
        Flux<byte[]> frames;
        try {
            frames = stream.frames(cursorText == null || cursorText.isEmpty() ? null : Long.parseLong(cursorText));
        } catch (NumberFormatException e) {
            frames = Flux.just(new ErrorFrame("InvalidRequest", "cursor must be an integer").encode());
        }
        Mono<Void> output = session.send(frames
                        .doOnComplete(() -> Mono.delay(CLOSE_GRACE).then(session.close()).subscribe())
                        .map(b -> session.binaryMessage(f -> f.wrap(b))))
                .then(session.close());
        Mono<Void> input = session.receive().then();
        return Mono.firstWithSignal(output, input);
    }
}
